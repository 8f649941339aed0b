/**
 * The reception schedule for the next 14 days, day by day, today marked ({@code SchedulePresenter}
 * → {@code ScheduleModel} → {@code ScheduleView}).
 */
@NullMarked
package liaison.kiosk.schedule;

import org.jspecify.annotations.NullMarked;
