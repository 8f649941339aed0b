/** Who changed what, and when (base): written in the transaction of the change it records. */
@NullMarked
package liaison.hub.audit;

import org.jspecify.annotations.NullMarked;
