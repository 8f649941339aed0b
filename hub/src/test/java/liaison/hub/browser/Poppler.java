package liaison.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Poppler's tools (pdfinfo, pdftotext) reading a PDF a page printed; .ci/run installs them. */
public final class Poppler {
  private Poppler() {}

  /** A poppler tool's output. */
  public static String run(String... command) throws Exception {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalStateException(
          command[0] + " is missing: install poppler-utils (bash .ci/run does)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("%s exits", command[0]).isZero();
    return out;
  }
}
