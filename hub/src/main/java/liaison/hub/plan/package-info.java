/** The stations' annual activity plans (年度活动计划): what each station plans to do in a year. */
@NullMarked
package liaison.hub.plan;

import org.jspecify.annotations.NullMarked;
