/** The demo county loaded on first start (feature, above all the others it fills). */
@NullMarked
package liaison.hub.demo;

import org.jspecify.annotations.NullMarked;
