/**
 * The urgent banner or emergency screen the kiosk's frame draws over every page ({@code
 * AlertPresenter} → {@code AlertModel} → {@code KioskView}): the hub's alert while valid, else the
 * most pressing notice in the stored content, so it holds offline too.
 */
@NullMarked
package liaison.kiosk.alert;

import org.jspecify.annotations.NullMarked;
