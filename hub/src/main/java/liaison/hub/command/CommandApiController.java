package liaison.hub.command;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/**
 * Remote commands over JSON: send one and get the station's answer (or TIMED_OUT), list a station's
 * commands; and the stations' screenshot upload, authenticated by the command's one-time token.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CommandApiController {
  public static final String TOKEN_HEADER = "X-Upload-Token";

  private final CommandService commands;

  public CommandApiController(CommandService commands) {
    this.commands = commands;
  }

  /**
   * What to send. @param name SCREENSHOT, IDENTIFY, RELOAD_CONTENT, RESTART_APP, SCREEN_ON or
   * SCREEN_OFF
   */
  @io.micronaut.core.annotation.Introspected
  public record CommandRequest(@Nullable String name) {}

  /**
   * Sends a command and waits for the station's answer (at most {@code hub.commands.timeout}, 15
   * s). 404 unknown station, 403 not allowed for this role (a station manager may not restart the
   * app; a deputy sends nothing), 422 unknown command.
   */
  @Post(
      uri = "/api/stations/{id}/commands",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "sendCommand")
  @ApiAnswers.Staff
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public CommandRecord send(
      @Parameter(hidden = true) Staff staff, String id, @Body CommandRequest request) {
    return commands.send(staff, id, request.name());
  }

  /** The station's newest 50 commands, newest first. */
  @Get(uri = "/api/stations/{id}/commands", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listCommands")
  @ApiAnswers.Staff
  @ApiAnswers.NotFound
  public List<CommandRecord> history(@Parameter(hidden = true) Staff staff, String id) {
    return commands.history(staff, id, 50);
  }

  /**
   * A station uploads the PNG a SCREENSHOT command asked for, with the token that command carried
   * ({@code X-Upload-Token}). 403 wrong, used or expired token; 422 not a PNG or over 3 MB.
   */
  @Put(
      uri = "/api/stations/{id}/screenshots",
      consumes = {MediaType.IMAGE_PNG, MediaType.APPLICATION_OCTET_STREAM},
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadScreenshot",
      security = {})
  @ApiResponse(
      responseCode = "403",
      description = "上传令牌无效 · The upload token is missing, wrong, used or expired",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public Map<String, String> upload(
      String id,
      @Nullable @Header(TOKEN_HEADER) String token,
      @Body @Schema(type = "string", format = "binary") byte[] body) {
    return Map.of("hash", commands.acceptScreenshot(id, token, body));
  }

  /** The same as a POST, for clients that cannot PUT. */
  @Post(
      uri = "/api/stations/{id}/screenshots",
      consumes = {MediaType.IMAGE_PNG, MediaType.APPLICATION_OCTET_STREAM},
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "uploadScreenshotByPost",
      security = {})
  @ApiResponse(
      responseCode = "403",
      description = "上传令牌无效 · The upload token is missing, wrong, used or expired",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(ref = "#/components/schemas/Problem")))
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public Map<String, String> uploadPost(
      String id,
      @Nullable @Header(TOKEN_HEADER) String token,
      @Body @Schema(type = "string", format = "binary") byte[] body) {
    return upload(id, token, body);
  }
}
