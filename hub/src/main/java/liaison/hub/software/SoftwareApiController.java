package liaison.hub.software;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * Station bundles over HTTP for the county's IT person ({@code ./liaison publish-bundle FILE
 * --hub=URL}): upload a built bundle (the file as the body, streamed to disk), list what the hub
 * keeps. Uploads are for county administrators only.
 */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class SoftwareApiController {
  private final StationBundles bundles;

  public SoftwareApiController(StationBundles bundles) {
    this.bundles = bundles;
  }

  /**
   * A bundle as the API shows it.
   *
   * @param download where a station or the installer fetches it; its signature is at the same
   *     address with {@code .sig} after the path
   */
  public record BundleJson(
      String version,
      String arch,
      long sizeBytes,
      String sha256,
      String signature,
      String uploadedBy,
      OffsetDateTime uploadedAt,
      String download) {
    static BundleJson of(StationBundle b) {
      return new BundleJson(
          b.version(),
          b.arch(),
          b.sizeBytes(),
          b.sha256(),
          b.signature(),
          b.uploadedBy(),
          b.uploadedAt(),
          InstallController.downloadPath(b));
    }
  }

  /**
   * Takes in a station bundle as signage/bundle builds it (liaison-station-VERSION-ARCH.tar.gz):
   * checked (a VERSION, the launcher, JavaFX for one processor), signed with the hub's key and
   * kept. The same file again answers the bundle already kept; another file under a version and
   * processor the hub has is refused.
   */
  @Post(
      uri = "/api/software/bundles",
      consumes = {MediaType.APPLICATION_OCTET_STREAM, "application/gzip", "application/x-gzip"},
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "uploadStationBundle")
  @ApiResponse(
      responseCode = "201",
      description = "已保存并签名 · Kept and signed",
      useReturnTypeSchema = true)
  @ApiAnswers.Invalid
  public HttpResponse<BundleJson> upload(
      @Parameter(hidden = true) Staff staff,
      @Body @Schema(type = "string", format = "binary") InputStream body) {
    return HttpResponse.created(BundleJson.of(bundles.upload(staff, body)));
  }

  /** Every bundle the hub keeps, newest version first; for county administrators. */
  @Get(uri = "/api/software/bundles", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listStationBundles")
  @ApiResponse(responseCode = "200", description = "站点软件包 · The station bundles")
  public List<BundleJson> list(@Parameter(hidden = true) Staff staff) {
    return bundles.list(staff).stream().map(BundleJson::of).toList();
  }
}
