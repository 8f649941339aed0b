package liaison.hub.media;

import java.nio.file.Path;

/**
 * A file the library made ready from an upload, in the upload's work folder, waiting to be stored
 * by its hash: a re-encoded image, a document's page, a thumbnail, or a video as it came.
 */
record Prepared(Path file, String contentType, int width, int height, long durationMillis) {
  static Prepared image(Path file, String contentType, int width, int height) {
    return new Prepared(file, contentType, width, height, 0);
  }
}
