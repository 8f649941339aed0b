/**
 * Duty points (履职积分, issue 18): the county's rule table, the entries recorded automatically from
 * what the hub knows (receptions with 签到, cases, suggestions, reports to voters) and by hand with
 * evidence, approved by a county administrator; the year's close (积分跨年清零), rankings and the
 * county's 履职之星.
 */
@NullMarked
package liaison.hub.duty;

import org.jspecify.annotations.NullMarked;
