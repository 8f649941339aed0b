/** Starting and stopping the kiosk: configuration, the window, the runtime. */
@NullMarked
package liaison.kiosk.app;

import org.jspecify.annotations.NullMarked;
