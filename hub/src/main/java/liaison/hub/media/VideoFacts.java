package liaison.hub.media;

import org.jspecify.annotations.Nullable;

/**
 * What an MP4 says about itself, read from its boxes without decoding a frame.
 *
 * @param videoCodec the sample entry of its video track ({@code avc1}, {@code avc3}, {@code hvc1}…)
 * @param audioCodec the sample entry of its sound track ({@code mp4a}…), or null without sound
 * @param width the picture's width in pixels, as displayed
 * @param height the picture's height in pixels, as displayed
 * @param durationMillis its length
 * @param framesPerSecond the video track's mean frame rate
 */
public record VideoFacts(
    String videoCodec,
    @Nullable String audioCodec,
    int width,
    int height,
    long durationMillis,
    double framesPerSecond) {}
