package liaison.hub.enrolment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.Optional;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ProblemBody;
import liaison.hub.security.ClientAddresses;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.ApiAnswers;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.ProtocolCodec;

/**
 * Enrolment over HTTP. Screens (no account): ask for a code, then ask after it until it is entered.
 * Staff (the station's managers and county administrators): enter a code for a station, read and
 * revoke its credential. The screen's messages use the protocol's codec, as on MQTT.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class EnrolmentApiController {
  private final Enrolments enrolments;
  private final ClientAddresses clients;

  public EnrolmentApiController(Enrolments enrolments, ClientAddresses clients) {
    this.enrolments = enrolments;
    this.clients = clients;
  }

  /**
   * What a screen sends ({@code EnrolmentRequest} of the protocol): its station id, the hash of the
   * password it made, its app version. Read like every JSON body (a body that is not such an object
   * is answered 400 by the hub's error answers), then checked field by field.
   */
  @io.micronaut.core.annotation.Introspected
  public record ScreenRequest(
      @Nullable String stationId, @Nullable String passwordHash, @Nullable String appVersion) {}

  /**
   * A screen asks for an enrolment code, sending an {@code EnrolmentRequest} (its station id and
   * the hash of the password it made). 201 with an {@code EnrolmentTicket}; 400 not a JSON object;
   * 422 a field refused (unknown station, not a hash, too many hash iterations), each with its
   * reason in zh and en; 429 too many from this address.
   */
  @Post(
      uri = "/api/public/enrolments",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "requestEnrolmentCode",
      security = {})
  @ApiResponse(
      responseCode = "201",
      description = "登记码 · The code to show, until when it holds",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrolmentTicket.class)))
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  @ApiAnswers.TooManyRequests
  public HttpResponse<?> request(HttpRequest<?> http, @Body ScreenRequest body) {
    String address = clients.of(http);
    Optional<Duration> wait = enrolments.limitRequest(address);
    if (wait.isPresent()) {
      return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header(HttpHeaders.RETRY_AFTER, Long.toString(wait.get().toSeconds()))
          .body(ProblemBody.of(429, Text.of("problem.enrolment.too-many")));
    }
    EnrolmentRequest request =
        enrolments.check(body.stationId(), body.passwordHash(), body.appVersion(), address);
    EnrolmentTicket ticket = enrolments.request(request, address);
    return HttpResponse.created(ProtocolCodec.encode(ticket))
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  /** Where a code stands: WAITING, ENROLLED or EXPIRED. 404 unknown code (ask for a new one). */
  @Get(uri = "/api/public/enrolments/{code}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getEnrolmentStatus",
      security = {})
  @ApiResponse(
      responseCode = "200",
      description = "登记码的状态 · Where the code stands",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EnrolmentTicket.class)))
  @ApiAnswers.NotFound
  public HttpResponse<?> status(String code) {
    return enrolments
        .status(code)
        .<HttpResponse<?>>map(
            t ->
                HttpResponse.ok(ProtocolCodec.encode(t))
                    .contentType(MediaType.APPLICATION_JSON_TYPE))
        .orElseGet(
            () ->
                HttpResponse.notFound(
                    ProblemBody.of(404, Text.of("problem.enrolment.status.unknown"))));
  }

  /** What to enter. @param code as the screen shows it, e.g. K7QX-M4PD */
  @io.micronaut.core.annotation.Introspected
  public record CodeEntry(@Nullable String code) {}

  /**
   * Enters the code a screen shows: that screen becomes the station's. 422 with the reason for a
   * malformed, unknown, expired or used code, or one made for another station; 403 not allowed.
   */
  @Post(
      uri = "/api/stations/{id}/enrolment",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "enrolScreen")
  @ApiAnswers.Staff
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public StationCredential enrol(
      @Parameter(hidden = true) Staff staff, String id, @Body CodeEntry entry) {
    return enrolments.enrol(staff, id, entry.code() == null ? "" : entry.code());
  }

  /** The station's screen credential (never the secret): when and by whom enrolled, or revoked. */
  @Get(uri = "/api/stations/{id}/credential", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getScreenCredential")
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  public StationCredential credential(@Parameter(hidden = true) Staff staff, String id) {
    return enrolments
        .credential(staff, id)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.enrolment.none", id)));
  }

  /**
   * Revokes the station's screen credential: its screen is disconnected and must be enrolled again.
   */
  @Delete(uri = "/api/stations/{id}/credential", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "revokeScreenCredential")
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public StationCredential revoke(@Parameter(hidden = true) Staff staff, String id) {
    return enrolments.revoke(staff, id);
  }
}
