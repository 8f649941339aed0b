/** Why a request could not be carried out, in both languages, whatever the page or API. */
@NullMarked
package liaison.hub.problem;

import org.jspecify.annotations.NullMarked;
