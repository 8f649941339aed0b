/**
 * 代表建议: the suggestions deputies make (or county administrators register for them), forwarded to a
 * lead department and co-handling ones, the departments' replies with their promises (答复承诺事项), the
 * deputy's rating of each reply, forwarding again after a 不满意, and the promise ledger with its
 * regular reviews (定期回头看). docs/DEPUTIES.md, "Suggestions".
 */
@NullMarked
package liaison.hub.suggestion;

import org.jspecify.annotations.NullMarked;
