/**
 * Signage media (feature, issue 20): the county's and each station's library of posters, videos and
 * documents (uploads checked by their content, kept by hash under {@code <data-dir>/media/},
 * thumbnails), the slides scheduled from them with targets like notices, the snapshot's references
 * to them, the files served to stations over HTTP with Range, and what stations report back (proof
 * of display, their cache). docs/MEDIA.md.
 */
@NullMarked
package liaison.hub.media;

import org.jspecify.annotations.NullMarked;
