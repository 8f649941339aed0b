/** Pages: the admin landing page and the residents' station page. */
@NullMarked
package liaison.hub.web;

import org.jspecify.annotations.NullMarked;
