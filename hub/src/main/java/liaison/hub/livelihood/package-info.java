/**
 * Livelihood projects decided by the deputies' vote (民生实事项目人大代表票决制): rounds at the county or a
 * township, residents' and staff's proposals (征集). The model, what is public at each state and the
 * next stages: docs/LIVELIHOOD.md.
 */
@NullMarked
package liaison.hub.livelihood;

import org.jspecify.annotations.NullMarked;
