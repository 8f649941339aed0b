/** Station content snapshots: building, versioning and publishing them. */
@NullMarked
package liaison.hub.publish;

import org.jspecify.annotations.NullMarked;
