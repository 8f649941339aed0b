package liaison.hub.media;

import java.nio.file.Path;
import java.util.List;

/**
 * A PDF's pages as images a station shows as slides, rendered on the hub (PDFBox), each fitted to a
 * 1080p screen in either orientation. Part "video and documents" of issue 20 fills it in.
 */
public final class DocumentPages {
  /** The most pages a document may have: a slide per page, and a loop is not a reader. */
  public static final int MAX_PAGES = 50;

  /** One rendered page. */
  public record Page(Path png, int width, int height) {}

  private DocumentPages() {}

  /**
   * Renders every page of a PDF into {@code outDir} as PNG files.
   *
   * @throws liaison.hub.problem.ValidationProblem on field {@code file} when it is not a readable,
   *     unencrypted PDF of 1 to {@link #MAX_PAGES} pages
   */
  public static List<Page> render(Path pdf, Path outDir) {
    throw new UnsupportedOperationException("DocumentPages is being written (issue 20)");
  }
}
