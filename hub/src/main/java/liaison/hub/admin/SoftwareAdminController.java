package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import liaison.hub.security.Staff;
import liaison.hub.software.StationBundles;
import liaison.hub.web.Frame;

/**
 * 站点软件: the station bundles the hub keeps and how to add one, for county administrators. The upload
 * itself is {@code ./liaison publish-bundle} (a bundle is larger than a form takes).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/software")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SoftwareAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final StationBundles bundles;

  public SoftwareAdminController(StationBundles bundles) {
    this.bundles = bundles;
  }

  /** One bundle as the page shows it: its size in MB, its time in Beijing time. */
  public record Row(
      String version,
      String processor,
      String size,
      String uploadedBy,
      String uploadedAt,
      String sha256,
      String download) {}

  /** 27.4 MB; a small file in KB rather than 0.0 MB. */
  static String size(long bytes) {
    return bytes < 1024 * 1024
        ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }

  /** admin/software: the bundles, newest first. */
  @Introspected
  public record SoftwarePage(Frame frame, List<Row> bundles) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SoftwarePage> page(HttpRequest<?> request, Staff staff) {
    List<Row> rows =
        bundles.list(staff).stream()
            .map(
                b ->
                    new Row(
                        b.version(),
                        b.arch().equals("linux-aarch64") ? "Raspberry Pi (arm64)" : "PC (x86-64)",
                        size(b.sizeBytes()),
                        b.uploadedBy(),
                        AT.format(b.uploadedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))),
                        b.sha256(),
                        "/install/bundle?arch=" + b.arch() + "&version=" + b.version()))
            .toList();
    return new ModelAndView<>("admin/software", new SoftwarePage(Frame.of(request, staff), rows));
  }
}
