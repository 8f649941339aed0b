/**
 * The station's side of an update from the hub (docs/FIELD.md, "Updates from the hub"): download a
 * bundle with resume, check it against the hub's key, unpack it beside the others and switch to it,
 * leaving {@code update/pending} for the next start and for {@code liaison-update-check}.
 */
@NullMarked
package liaison.signage.player.update;

import org.jspecify.annotations.NullMarked;
