package liaison.hub.ledger;

import io.micronaut.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import liaison.hub.problem.BadRequestProblem;
import org.jspecify.annotations.Nullable;

/** A ledger's file as a browser downloads it: XLSX or CSV, named in ASCII and in Chinese. */
final class LedgerDownload {
  private LedgerDownload() {}

  /** The format the admin's buttons ask for: {@code xlsx} or {@code csv}; 400 for another. */
  static String format(@Nullable String typed) {
    return "xlsx".equals(BadRequestProblem.choice("format", typed, List.of("csv", "xlsx")))
        ? "xlsx"
        : "csv";
  }

  /**
   * The file, written in the format asked for.
   *
   * @param ascii the name without its extension, in ASCII ({@code ledger-2026-03-01_2026-03-31})
   * @param chinese the name every browser that reads RFC 5987 shows ({@code 意见台账-…})
   */
  static HttpResponse<byte[]> of(
      String format, Supplier<byte[]> xlsx, Supplier<byte[]> csv, String ascii, String chinese) {
    boolean isXlsx = format.equals("xlsx");
    return HttpResponse.ok(isXlsx ? xlsx.get() : csv.get())
        .contentType(isXlsx ? LedgerFiles.XLSX_TYPE : LedgerFiles.CSV_TYPE)
        .header(
            "Content-Disposition",
            "attachment; filename=\""
                + ascii
                + "."
                + format
                + "\"; filename*=UTF-8''"
                + URLEncoder.encode(chinese + "." + format, StandardCharsets.UTF_8)
                    .replace("+", "%20"));
  }
}
