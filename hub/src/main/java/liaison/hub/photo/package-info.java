/**
 * Photos (feature): checked, re-encoded, shrunk and stored by content hash; deputies' served
 * publicly, residents' only to who may see their case.
 */
@NullMarked
package liaison.hub.photo;

import org.jspecify.annotations.NullMarked;
