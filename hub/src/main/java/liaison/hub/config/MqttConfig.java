package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

/**
 * Where the stations' broker is: embedded in the hub on {@code host:port} (the default), or an
 * external one at {@code uri} when that is set ({@code --broker-uri} or {@code HUB_MQTT_URI}).
 *
 * @param username the hub's own MQTT user name
 * @param password the hub's own MQTT password; empty: made on first start and kept in the data
 *     directory (see {@code HubAccount})
 * @param mosquittoDir when set (with an external Mosquitto), the hub keeps a Mosquitto password
 *     file and ACL file there, rewritten whenever a station is enrolled or revoked
 */
@ConfigurationProperties("hub.mqtt")
public record MqttConfig(
    String host,
    @Min(1) @Max(65535) int port,
    @Nullable String uri,
    String username,
    @Nullable String password,
    @Nullable String mosquittoDir) {

  /** True when the hub runs its own broker, i.e. no external broker is configured. */
  public boolean embedded() {
    return uri == null || uri.isBlank();
  }

  /** The address the hub's own client connects to. */
  public String clientUri() {
    if (!embedded()) {
      return uri.strip();
    }
    String connectHost = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return "tcp://" + connectHost + ":" + port;
  }

  /** Lets a bean exist only when the broker is embedded. */
  public static final class EmbeddedWanted implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
      return context.getProperty("hub.mqtt.uri", String.class).map(String::isBlank).orElse(true);
    }
  }
}
