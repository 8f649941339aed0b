/**
 * The staff's pages (top tier): log-in, the admin's server-rendered pages over the same services as
 * the API.
 */
@NullMarked
package liaison.hub.admin;

import org.jspecify.annotations.NullMarked;
