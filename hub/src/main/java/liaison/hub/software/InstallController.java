package liaison.hub.software;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Optional;
import liaison.hub.web.ApiAnswers;

/**
 * What the installer and the stations download, without an account (a station has no staff account;
 * what it downloads is checked against the hub's signature, which is why the key is public): the
 * hub's public key, the newest bundle for a processor (or a named version) with HTTP Range so a
 * download cut half-way resumes, its signature, and the install script.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class InstallController {
  static final MediaType TEXT = new MediaType("text/plain;charset=utf-8");
  static final MediaType GZIP = new MediaType("application/gzip");

  private final StationBundles bundles;
  private final InstallScript script;

  public InstallController(StationBundles bundles, InstallScript script) {
    this.bundles = bundles;
    this.script = script;
  }

  /** Where a station fetches this bundle (its signature: the same with {@code .sig}). */
  static String downloadPath(StationBundle b) {
    return "/install/bundle?arch=" + b.arch() + "&version=" + b.version();
  }

  /**
   * The hub's public key (PEM) that every station checks its bundles with; 404 while the hub keeps
   * no bundle, since there is nothing to check with it yet (and an anonymous request never makes
   * the key).
   */
  @Get(uri = "/install/hub-key.pub", produces = "text/plain")
  @Operation(
      operationId = "getHubBundleKey",
      security = {})
  @ApiResponse(responseCode = "200", description = "中心公钥 · The hub's public key, PEM")
  @ApiResponse(
      responseCode = "404",
      description = "中心还没有软件包 · The hub keeps no bundle yet (no body)")
  public HttpResponse<String> hubKey() {
    if (bundles.list().isEmpty()) {
      return HttpResponse.notFound();
    }
    return HttpResponse.ok(bundles.publicKeyPem()).contentType(TEXT);
  }

  /**
   * A station bundle: the newest for the processor, or the version named; {@code Range} is answered
   * with 206 and the part asked for, so a download cut half-way resumes. The headers name its
   * version, processor and SHA-256, which its signature binds.
   *
   * @param arch linux-x64 or linux-aarch64
   * @param version a version the hub keeps; the newest when not given
   */
  @Get(uri = "/install/bundle", produces = "application/gzip")
  @Operation(
      operationId = "getStationBundle",
      security = {})
  @ApiResponse(
      responseCode = "200",
      description = "站点软件包 · The bundle",
      content =
          @Content(
              mediaType = "application/gzip",
              schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(responseCode = "206", description = "所请求的部分 · The part the Range asked for")
  @ApiResponse(responseCode = "404", description = "没有这个软件包 · No such bundle (no body)")
  @ApiAnswers.BadRequest
  public HttpResponse<?> bundle(String arch, @Nullable @QueryValue String version) {
    Optional<StationBundle> found = bundles.find(arch, version == null ? "" : version);
    if (found.isEmpty()) {
      return HttpResponse.notFound();
    }
    StationBundle b = found.get();
    return described(HttpResponse.ok(new SystemFile(bundles.file(b).toFile(), GZIP)), b)
        .header("Content-Disposition", "attachment; filename=\"" + b.fileName() + "\"")
        .header("ETag", "\"" + b.sha256() + "\"");
  }

  /** The hub's signature (base64) of the same bundle {@code /install/bundle} answers. */
  @Get(uri = "/install/bundle.sig", produces = "text/plain")
  @Operation(
      operationId = "getStationBundleSignature",
      security = {})
  @ApiResponse(responseCode = "200", description = "软件包的签名 · The bundle's signature, base64")
  @ApiResponse(responseCode = "404", description = "没有这个软件包 · No such bundle (no body)")
  @ApiAnswers.BadRequest
  public HttpResponse<?> signature(String arch, @Nullable @QueryValue String version) {
    return bundles
        .find(arch, version == null ? "" : version)
        .<HttpResponse<?>>map(
            b -> described(HttpResponse.ok(b.signature() + "\n").contentType(TEXT), b))
        .orElseGet(HttpResponse::notFound);
  }

  /**
   * The station's install script: from the newest bundle the hub keeps, else the one the hub was
   * built with; {@code curl http://hub:8080/install/station.sh | sudo bash -s -- --station=s-002}.
   */
  @Get(uri = "/install/station.sh", produces = "text/x-shellscript")
  @Operation(
      operationId = "getStationInstallScript",
      security = {})
  @ApiResponse(responseCode = "200", description = "安装脚本 · The install script")
  @ApiResponse(responseCode = "404", description = "中心没有安装脚本 · The hub has none (no body)")
  public HttpResponse<?> installScript() {
    return script
        .text()
        .<HttpResponse<?>>map(
            text -> HttpResponse.ok(text).contentType("text/x-shellscript;charset=utf-8"))
        .orElseGet(HttpResponse::notFound);
  }

  private static <T> io.micronaut.http.MutableHttpResponse<T> described(
      io.micronaut.http.MutableHttpResponse<T> response, StationBundle b) {
    return response
        .header("X-Liaison-Bundle-Version", b.version())
        .header("X-Liaison-Bundle-Arch", b.arch())
        .header("X-Liaison-Bundle-Sha256", b.sha256());
  }
}
