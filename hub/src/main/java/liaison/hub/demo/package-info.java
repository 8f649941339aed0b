/** The demo county loaded on first start. */
@NullMarked
package liaison.hub.demo;

import org.jspecify.annotations.NullMarked;
