package liaison.hub.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.StaffClient;

/**
 * A report to voters as the tests make one over HTTP: scheduled through the API for tomorrow, its
 * slips printed and read back, and the token a ballot page gives its form.
 */
public final class ReportsOverHttp {
  private static final Pattern FORM =
      Pattern.compile("name=\"form\"\\s+value=\"([A-Za-z0-9_-]{22})\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportsOverHttp() {}

  /** Schedules the deputy's report at the station tomorrow 09:30–11:00; its id. */
  public static String scheduleTomorrow(StaffClient staff, String deputyId, String stationId) {
    try {
      HttpResponse<String> made =
          staff.api(
              "POST",
              "/api/reports",
              JSON.writeValueAsString(
                  Map.of(
                      "deputyId",
                      deputyId,
                      "stationId",
                      stationId,
                      "date",
                      LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString(),
                      "start",
                      "09:30",
                      "end",
                      "11:00",
                      "title",
                      "2026 年度履职情况报告")));
      if (made.statusCode() != 201) {
        throw new IllegalStateException(
            "scheduling answered " + made.statusCode() + ": " + made.body());
      }
      return JSON.readTree(made.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints {@code count} slips through the API; the codes read off the PDF. */
  public static List<String> slips(StaffClient staff, String reportId, int count) {
    HttpResponse<byte[]> pdf =
        staff.postForBytes("/api/reports/" + reportId + "/slips?count=" + count);
    if (pdf.statusCode() != 200) {
      throw new IllegalStateException("printing slips answered " + pdf.statusCode());
    }
    return PrintedSlips.read(pdf.body()).codes();
  }

  /** The token of the ballot form in a ballot page's HTML. */
  public static String formToken(String html) {
    Matcher m = FORM.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no ballot form on the page: " + html);
    }
    return m.group(1);
  }
}
