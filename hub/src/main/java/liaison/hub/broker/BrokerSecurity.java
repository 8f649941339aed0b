package liaison.hub.broker;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import com.hivemq.extension.sdk.api.services.session.ClientService;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's door: an extension installed when the broker starts that refuses anonymous
 * clients, checks each station's password against its enrolled hash, holds back connection storms
 * ({@link ConnectGuard}), and gives each admitted client only the topics {@link BrokerPermissions}
 * allows, everything else denied. It also remembers which credential each station connection used,
 * so that revoking or replacing a credential closes the connections made with the old one.
 */
final class BrokerSecurity implements ExtensionMain {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerSecurity.class);
  private static final String ADMISSION = "liaison.admission";

  /**
   * Longer user names or passwords are refused before any check: no legitimate client sends them.
   */
  private static final int MAX_FIELD_BYTES = 256;

  /** A station connection that was let in, with the hash its password matched. */
  private record Admission(String token, String stationId, String hash) {}

  private final HubAccount hub;
  private final StationAccounts stations;
  private final ConnectGuard guard;
  private final ConcurrentHashMap<String, Admission> admitted = new ConcurrentHashMap<>();
  private volatile boolean started;
  private volatile @Nullable ClientService clients;

  BrokerSecurity(
      HubAccount hub, StationAccounts stations, BrokerSecurityConfig config, Clock clock) {
    this.hub = hub;
    this.stations = stations;
    this.guard = new ConnectGuard(config, clock);
  }

  @Override
  public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
    SimpleAuthenticator authenticator = this::authenticate;
    Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    ClientLifecycleEventListener lifecycle = new Lifecycle();
    Services.eventRegistry().setClientLifecycleEventListener(providerInput -> lifecycle);
    clients = Services.clientService();
    started = true;
  }

  @Override
  public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
    started = false;
  }

  /** True once HiveMQ has started the extension: the broker is not open. */
  boolean started() {
    return started;
  }

  long refusedByGuard() {
    return guard.refused();
  }

  private void authenticate(SimpleAuthInput input, SimpleAuthOutput output) {
    ConnectPacket connect = input.getConnectPacket();
    String clientId = connect.getClientId();
    String address =
        input
            .getConnectionInformation()
            .getInetAddress()
            .map(a -> a.getHostAddress())
            .orElse("unknown address");
    byte[] password = connect.getPassword().map(BrokerSecurity::bytes).orElse(null);
    String username = connect.getUserName().orElse(null);

    if (username == null && EmbeddedBroker.PROBE_CLIENT_ID.equals(clientId)) {
      // The hub's own check at start that anonymous clients are refused: refused, not worth a
      // warning.
      output.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "anonymous clients are refused");
      return;
    }
    // The hub itself is never held back: its own reconnects must not be refused in a storm.
    if (username != null && password != null && hub.matches(username, password)) {
      admit(output, BrokerPermissions.HUB_RULES, null);
      return;
    }
    Optional<String> held = guard.admit(address);
    if (held.isPresent()) {
      guard.logRefusal(LOG, address, clientId, held.get(), true);
      output.failAuthentication(ConnackReasonCode.CONNECTION_RATE_EXCEEDED, held.get());
      return;
    }
    String refusal = check(clientId, username, password);
    if (refusal != null) {
      guard.failed(address);
      guard.logRefusal(LOG, address, clientId, refusal, false);
      output.failAuthentication(
          ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, "bad user name or password");
      return;
    }
    String station = username;
    String hash = stations.passwordHash(station).orElseThrow();
    String token = UUID.randomUUID().toString();
    input.getConnectionInformation().getConnectionAttributeStore().putAsString(ADMISSION, token);
    admitted.put(clientId, new Admission(token, station, hash));
    admit(output, BrokerPermissions.STATION_RULES, station);
    LOG.debug("station {} connected from {} as {}", station, address, clientId);
  }

  /** Why a station's connect is refused, or null when it may come in. */
  private @Nullable String check(
      String clientId, @Nullable String username, byte @Nullable [] password) {
    if (username == null || username.isEmpty()) {
      return "anonymous clients are refused (no user name)";
    }
    if (username.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_BYTES) {
      return "user name longer than " + MAX_FIELD_BYTES + " bytes";
    }
    if (username.equals(hub.username())) {
      return "wrong password for the hub's own account";
    }
    if (!Topic.isValidStationId(username)) {
      return "user name '" + printable(username) + "' is neither a station id nor the hub's";
    }
    if (password == null || password.length == 0) {
      return "station " + username + " sent no password";
    }
    if (password.length > MAX_FIELD_BYTES) {
      return "station " + username + " sent a password longer than " + MAX_FIELD_BYTES + " bytes";
    }
    Optional<String> hash = stations.passwordHash(username);
    if (hash.isEmpty()) {
      return "station " + username + " is not enrolled (or its credential was revoked)";
    }
    if (!MqttPasswordHash.matches(password, hash.get())) {
      return "wrong password for station " + username;
    }
    if (!StationIdentity.stationOf(clientId).map(username::equals).orElse(false)) {
      return "station "
          + username
          + " must connect with a client id station-"
          + username
          + "-<letters/digits>, not '"
          + printable(clientId)
          + "'";
    }
    return null;
  }

  private static void admit(
      SimpleAuthOutput output, List<BrokerPermissions.Rule> rules, @Nullable String station) {
    ModifiableDefaultPermissions permissions = output.getDefaultPermissions();
    permissions.clear();
    List<TopicPermission> list = new ArrayList<>();
    for (BrokerPermissions.Rule rule : rules) {
      String filter = station == null ? rule.filter() : rule.forStation(station);
      TopicPermission.MqttActivity activity =
          switch (rule.access()) {
            case READ -> TopicPermission.MqttActivity.SUBSCRIBE;
            case WRITE -> TopicPermission.MqttActivity.PUBLISH;
            case READ_WRITE -> TopicPermission.MqttActivity.ALL;
          };
      list.add(
          Builders.topicPermission()
              .topicFilter(filter)
              .type(TopicPermission.PermissionType.ALLOW)
              .activity(activity)
              .retain(
                  rule.retainAllowed()
                      ? TopicPermission.Retain.ALL
                      : TopicPermission.Retain.NOT_RETAINED)
              .build());
    }
    permissions.addAll(list);
    permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
    output.authenticateSuccessfully();
  }

  /**
   * Closes the connections a station made with a credential it no longer has (revoked, or replaced
   * by a new enrolment). Their Last Will goes out as usual, so the hub shows them offline.
   *
   * @return how many connections were closed
   */
  int enforce(String stationId) {
    ClientService service = clients;
    if (service == null) {
      return 0;
    }
    String current = stations.passwordHash(stationId).orElse(null);
    int closed = 0;
    for (var entry : admitted.entrySet()) {
      Admission a = entry.getValue();
      if (a.stationId().equals(stationId) && !a.hash().equals(current)) {
        admitted.remove(entry.getKey(), a);
        service.disconnectClient(
            entry.getKey(), false, DisconnectReasonCode.NOT_AUTHORIZED, "credential revoked");
        closed++;
        LOG.info(
            "station {}: closed connection {} made with a revoked credential",
            stationId,
            entry.getKey());
      }
    }
    return closed;
  }

  /**
   * Closes every connection of a station, e.g. one flooding the hub with malformed messages. Its
   * Last Will goes out as usual; it may connect again (and is closed again if it goes on).
   *
   * @return how many connections were closed
   */
  int disconnect(String stationId, String why) {
    ClientService service = clients;
    if (service == null) {
      return 0;
    }
    int closed = 0;
    for (var entry : admitted.entrySet()) {
      if (entry.getValue().stationId().equals(stationId)) {
        service.disconnectClient(
            entry.getKey(), false, DisconnectReasonCode.ADMINISTRATIVE_ACTION, why);
        closed++;
      }
    }
    return closed;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer copy = buffer.asReadOnlyBuffer();
    byte[] out = new byte[copy.remaining()];
    copy.get(out);
    return out;
  }

  private static String printable(String s) {
    String cut = s.length() > 64 ? s.substring(0, 64) + "…" : s;
    return cut.replaceAll("[\\p{Cntrl}]", "?");
  }

  private final class Lifecycle implements ClientLifecycleEventListener {
    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {}

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {}

    @Override
    public void onDisconnect(DisconnectEventInput input) {
      String clientId = input.getClientInformation().getClientId();
      input
          .getConnectionInformation()
          .getConnectionAttributeStore()
          .getAsString(ADMISSION)
          .ifPresent(
              token ->
                  admitted.computeIfPresent(
                      clientId, (id, a) -> a.token().equals(token) ? null : a));
    }
  }
}
