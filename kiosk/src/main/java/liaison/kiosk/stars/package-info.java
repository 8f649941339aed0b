/** 履职之星: the county's duty stars, a page reachable from the deputies' directory. */
@NullMarked
package liaison.kiosk.stars;

import org.jspecify.annotations.NullMarked;
