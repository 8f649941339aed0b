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
 * keeps; roll a version out to one station, a township or the county in stages, and advance, halt,
 * resume or cancel a rollout. For county administrators only.
 */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class SoftwareApiController {
  private final StationBundles bundles;
  private final SoftwareRollouts rollouts;

  public SoftwareApiController(StationBundles bundles, SoftwareRollouts rollouts) {
    this.bundles = bundles;
    this.rollouts = rollouts;
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

  /**
   * Rolls a version out: {@code scope} STATION, TOWNSHIP or COUNTY with the station's or township's
   * id ({@code scopeId}; none for the county). Stages: one station, then a tenth, then the rest.
   */
  @Post(
      uri = "/api/software/rollouts",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startRollout",
      summary =
          "Rolls a version the hub has a bundle of out to a station, a township or the county, in"
              + " stages; each station reached gets the version in its next snapshot")
  @ApiResponse(
      responseCode = "201",
      description = "推送已开始 · The rollout started",
      useReturnTypeSchema = true)
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<SoftwareRollouts.Rollout> startRollout(
      @Parameter(hidden = true) Staff staff, @Body SoftwareRollouts.Draft rollout) {
    return HttpResponse.created(rollouts.start(staff, rollout));
  }

  /** The county's rollouts, newest first, each with its stages' progress. */
  @Get(uri = "/api/software/rollouts", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listRollouts",
      summary =
          "The rollouts, newest first, with each stage's stations, those running the version"
              + " and those that rolled back")
  public List<SoftwareRollouts.Rollout> listRollouts(@Parameter(hidden = true) Staff staff) {
    return rollouts.list(staff);
  }

  @Post(uri = "/api/software/rollouts/{id}/advance", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "advanceRollout",
      summary = "Starts the next stage now, without waiting for the current one's stations")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SoftwareRollouts.Rollout advance(@Parameter(hidden = true) Staff staff, String id) {
    return rollouts.advance(staff, id);
  }

  @Post(uri = "/api/software/rollouts/{id}/halt", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "haltRollout",
      summary = "Halts a running rollout where it stands: no further stage starts")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SoftwareRollouts.Rollout halt(@Parameter(hidden = true) Staff staff, String id) {
    return rollouts.halt(staff, id);
  }

  @Post(uri = "/api/software/rollouts/{id}/resume", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "resumeRollout",
      summary = "Lets a halted rollout (by hand or by a station's rollback) go on")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SoftwareRollouts.Rollout resume(@Parameter(hidden = true) Staff staff, String id) {
    return rollouts.resume(staff, id);
  }

  @Post(uri = "/api/software/rollouts/{id}/cancel", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "cancelRollout",
      summary =
          "Ends the rollout: its stations no longer get its version (a station already switched"
              + " stays on it)")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SoftwareRollouts.Rollout cancel(@Parameter(hidden = true) Staff staff, String id) {
    return rollouts.cancel(staff, id);
  }
}
