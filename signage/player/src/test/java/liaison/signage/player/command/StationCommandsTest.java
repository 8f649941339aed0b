package liaison.signage.player.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.protocol.CommandName;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationCommand;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote commands through a real broker: answered once, on the request's response topic, never a
 * crash.
 */
class StationCommandsTest {
  private static final String RESPONSES = Topic.stationResponse("s-001", "test-hub").toString();
  private static final String COMMANDS = Topic.stationCommand("s-001").toString();
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);

  @TempDir Path dir;
  private TestBroker broker;
  private TestClient hub;
  private StationRuntime runtime;
  private final TestClock clock = TestClock.at("2026-11-23T10:15:00+08:00");
  private final RecordingHandler handler = new RecordingHandler();

  @BeforeEach
  void start() {
    broker = TestBroker.start(dir);
    hub = TestClient.connect(broker.uri(), "test-hub");
    hub.subscribe(RESPONSES);
    runtime =
        StationRuntime.open(
            StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST),
            clock);
    runtime.commands().handler(handler);
    runtime.start();
    await().until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
  }

  @AfterEach
  void stop() {
    runtime.close();
    hub.close();
    broker.close();
  }

  private StationCommand command(CommandName name, Map<String, String> args) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return StationCommand.of(UUID.randomUUID(), name, now, "admin", args, now.plusSeconds(30));
  }

  private void send(StationCommand command) {
    send(COMMANDS, ProtocolCodec.encode(command), command.id());
  }

  private void send(String topic, byte[] payload, UUID correlation) {
    hub.request(topic, payload, RESPONSES, correlation.toString().getBytes(StandardCharsets.UTF_8));
  }

  private CommandResult answerTo(UUID id) {
    await().until(() -> answers(id).size() == 1);
    TestClient.Received received = answers(id).getFirst();
    assertThat(new String(received.correlationData(), StandardCharsets.UTF_8))
        .as("correlation data sent back")
        .isEqualTo(id.toString());
    return ProtocolCodec.decode(received.payload(), CommandResult.class);
  }

  private List<TestClient.Received> answers(UUID id) {
    return hub.receivedOn(RESPONSES).stream()
        .filter(r -> new String(r.correlationData(), StandardCharsets.UTF_8).equals(id.toString()))
        .toList();
  }

  @Test
  void shouldIdentifyAndAnswerOnTheResponseTopicOnceEvenWhenTheCommandIsDeliveredAgain() {
    StationCommand identify = command(CommandName.IDENTIFY, Map.of(StationCommand.SECONDS, "5"));

    send(identify);
    send(identify); // as QoS 1 may redeliver after a reconnect

    CommandResult result = answerTo(identify.id());
    assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(result.commandId()).isEqualTo(identify.id());
    await().during(Duration.ofMillis(500)).until(() -> answers(identify.id()).size() == 1);
    assertThat(handler.calls).containsExactly("identify PT5S");
  }

  @Test
  void shouldSwitchTheScreenAndReloadContent() {
    StationCommand off = command(CommandName.SCREEN_OFF, Map.of());
    StationCommand reload = command(CommandName.RELOAD_CONTENT, Map.of());

    send(off);
    send(reload);

    assertThat(answerTo(off.id()).outcome()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(answerTo(reload.id()).outcome()).isEqualTo(CommandResult.Outcome.OK);
    assertThat(handler.calls).containsExactly("screen false", "reload");
  }

  @Test
  void shouldRefuseAnExpiredCommandAnUnknownOneAndAMalformedOneWithoutCarryingThemOut() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    StationCommand expired =
        StationCommand.of(
            UUID.randomUUID(),
            CommandName.SCREEN_OFF,
            now.minusMinutes(2),
            "admin",
            Map.of(),
            now.minusMinutes(1));
    StationCommand unknown =
        new StationCommand(UUID.randomUUID(), "DANCE", now, "admin", Map.of(), now.plusSeconds(30));
    UUID malformed = UUID.randomUUID();

    send(expired);
    send(unknown);
    send(COMMANDS, "{\"id\": 42".getBytes(StandardCharsets.UTF_8), malformed);

    CommandResult late = answerTo(expired.id());
    assertThat(late.outcome()).isEqualTo(CommandResult.Outcome.REFUSED);
    assertThat(late.messageEn()).contains("expired");
    CommandResult dance = answerTo(unknown.id());
    assertThat(dance.outcome()).isEqualTo(CommandResult.Outcome.REFUSED);
    assertThat(dance.message()).contains("不认识命令 DANCE");
    CommandResult broken = answerTo(malformed);
    assertThat(broken.outcome()).isEqualTo(CommandResult.Outcome.REFUSED);
    assertThat(broken.messageEn()).contains("not a valid StationCommand");
    assertThat(handler.calls).isEmpty();
    assertThat(runtime.presence().link().get().state())
        .as("still connected, nothing crashed")
        .isEqualTo(LinkStatus.State.ONLINE);
  }

  @Test
  void shouldIgnoreACommandPublishedOnAnotherStationsTopic() {
    // A forged command for s-002 published by any client: s-001 does not even receive it (it only
    // subscribes to its own topics). The broker's ACL (issue 8) will stop the forging itself.
    StationCommand forged = command(CommandName.SCREEN_OFF, Map.of());
    long rejectedBefore = runtime.rejections().count();
    send(Topic.stationCommand("s-002").toString(), ProtocolCodec.encode(forged), forged.id());
    StationCommand mine = command(CommandName.SCREEN_ON, Map.of());
    send(mine);
    answerTo(mine.id());
    assertThat(handler.calls).containsExactly("screen true");
    assertThat(answers(forged.id())).isEmpty();
    assertThat(runtime.rejections().count()).isEqualTo(rejectedBefore);
  }

  @Test
  void shouldUploadTheScreenshotOverHttpWithItsTokenAndAnswerWithItsHash() throws Exception {
    AtomicReference<String> token = new AtomicReference<>();
    AtomicReference<byte[]> body = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/stations/s-001/screenshots",
        exchange -> {
          token.set(exchange.getRequestHeaders().getFirst("X-Upload-Token"));
          body.set(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    try {
      String url =
          "http://127.0.0.1:" + server.getAddress().getPort() + "/api/stations/s-001/screenshots";
      StationCommand shot =
          command(
              CommandName.SCREENSHOT,
              Map.of(StationCommand.UPLOAD_URL, url, StationCommand.UPLOAD_TOKEN, "t-123"));

      send(shot);

      CommandResult result = answerTo(shot.id());
      assertThat(result.outcome()).isEqualTo(CommandResult.Outcome.OK);
      assertThat(token.get()).isEqualTo("t-123");
      assertThat(body.get()).isEqualTo(RecordingHandler.PNG);
      assertThat(result.screenshotHash()).isEqualTo(ScreenshotUpload.sha256(RecordingHandler.PNG));
    } finally {
      server.stop(0);
    }
  }

  @Test
  void shouldFailAScreenshotTheHubRefusesAndRefuseOneWithoutAnUploadAddress() {
    StationCommand nowhere = command(CommandName.SCREENSHOT, Map.of());
    StationCommand refused =
        command(
            CommandName.SCREENSHOT,
            Map.of(
                StationCommand.UPLOAD_URL,
                "ftp://evil.example/x",
                StationCommand.UPLOAD_TOKEN,
                "t"));

    send(nowhere);
    send(refused);

    assertThat(answerTo(nowhere.id()).outcome()).isEqualTo(CommandResult.Outcome.REFUSED);
    CommandResult ftp = answerTo(refused.id());
    assertThat(ftp.outcome()).isEqualTo(CommandResult.Outcome.FAILED);
    assertThat(ftp.messageEn()).contains("not http or https");
  }

  @Test
  void shouldAnswerARestartBeforeRestarting() {
    StationCommand restart = command(CommandName.RESTART_APP, Map.of());

    send(restart);

    assertThat(answerTo(restart.id()).outcome()).isEqualTo(CommandResult.Outcome.OK);
    await().until(() -> handler.calls.contains("restart"));
  }

  @Test
  void shouldRefuseEveryCommandWhenTheAppGaveNoHandler() {
    runtime.commands().handler(CommandHandler.NONE);
    StationCommand on = command(CommandName.SCREEN_ON, Map.of());

    send(on);

    assertThat(answerTo(on.id()).outcome()).isEqualTo(CommandResult.Outcome.REFUSED);
  }

  /** Records what the station was asked to do. */
  static final class RecordingHandler implements CommandHandler {
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13};
    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public byte[] screenshot() {
      return PNG;
    }

    @Override
    public void identify(Duration howLong) {
      calls.add("identify " + howLong);
    }

    @Override
    public void reloadContent() {
      calls.add("reload");
    }

    @Override
    public void restartApp() {
      calls.add("restart");
    }

    @Override
    public void screen(boolean on) {
      calls.add("screen " + on);
    }
  }
}
