/**
 * Files the station fetches from its hub over HTTP that may be large (a software bundle, a media
 * slide's video): into a {@code .part} file that a cut line leaves for the next attempt to resume.
 */
@NullMarked
package liaison.signage.player.download;

import org.jspecify.annotations.NullMarked;
