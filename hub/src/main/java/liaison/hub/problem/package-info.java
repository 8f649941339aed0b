/** Why a request could not be carried out, in both languages, whatever the page or API (base). */
@NullMarked
package liaison.hub.problem;

import org.jspecify.annotations.NullMarked;
