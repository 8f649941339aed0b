/**
 * Text from and about people (base): what residents type, cleaned or refused in one place ({@link
 * liaison.hub.text.ResidentText}); names and phones masked where not everyone may read them ({@link
 * liaison.hub.text.Masks}).
 */
@NullMarked
package liaison.hub.text;

import org.jspecify.annotations.NullMarked;
