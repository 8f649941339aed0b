/**
 * The notices in force: the list with a preview of each ({@code NoticesPresenter} → {@code
 * NoticesModel} → {@code NoticesView}) and one notice in full, paged by the screenful ({@code
 * NoticePresenter} → {@code NoticeModel} → {@code NoticeView}).
 */
@NullMarked
package liaison.kiosk.notices;

import org.jspecify.annotations.NullMarked;
