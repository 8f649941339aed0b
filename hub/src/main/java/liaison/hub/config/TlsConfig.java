package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * TLS for the web and the embedded broker ({@code hub.tls.*}): when {@code keystore} names a
 * PKCS#12 (or JKS) file with the hub's certificate and key, the hub also serves HTTPS on {@code
 * httpsHost:httpsPort} and MQTT over TLS on {@code mqttHost:mqttPort}. The plain listeners stay
 * where {@code hub.http-host} and {@code hub.mqtt.host} put them (loopback by default).
 *
 * @param keyPassword the private key's password; empty: the keystore's
 */
@ConfigurationProperties("hub.tls")
public record TlsConfig(
    @Nullable String keystore,
    @Nullable String keystorePassword,
    @Nullable String keyPassword,
    @Bindable(defaultValue = "8443") @Min(-1) @Max(65535) int httpsPort,
    @Bindable(defaultValue = "0.0.0.0") String httpsHost,
    @Bindable(defaultValue = "8883") @Min(1) @Max(65535) int mqttPort,
    @Bindable(defaultValue = "0.0.0.0") String mqttHost) {

  public boolean enabled() {
    return keystore != null && !keystore.isBlank();
  }

  public Path keystorePath() {
    return Path.of(keystore == null ? "" : keystore).toAbsolutePath();
  }

  public String storePassword() {
    return keystorePassword == null ? "" : keystorePassword;
  }

  public String privateKeyPassword() {
    return keyPassword == null || keyPassword.isEmpty() ? storePassword() : keyPassword;
  }
}
