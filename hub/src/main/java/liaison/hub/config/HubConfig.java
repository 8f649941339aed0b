package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;

/**
 * The hub's own settings ({@code hub.*}).
 *
 * @param httpPort -1 picks a free port (tests)
 * @param publicUrl base of the residents' QR links; blank means this machine's LAN address
 * @param demo first-start, always or never
 */
@ConfigurationProperties("hub")
public record HubConfig(
    @Min(-1) @Max(65535) int httpPort,
    @NotBlank String httpHost,
    @NotBlank String dataDir,
    String publicUrl,
    @NotBlank String demo) {

  public Path dataPath() {
    return Path.of(dataDir);
  }
}
