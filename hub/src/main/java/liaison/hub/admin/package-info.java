/** The staff's web admin: server-rendered pages over the same services as the API. */
@NullMarked
package liaison.hub.admin;

import org.jspecify.annotations.NullMarked;
