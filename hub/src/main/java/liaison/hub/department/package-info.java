/** The county's departments (承办单位) that handle forwarded opinions: a list county admins keep. */
@NullMarked
package liaison.hub.department;

import org.jspecify.annotations.NullMarked;
