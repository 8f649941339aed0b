package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.fleet.FleetOverview;
import liaison.hub.ingest.StationEventRepository;
import liaison.hub.problem.BadInput;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An enrolled station that floods the hub with garbage: counted, logged only by sample,
 * disconnected past the limit (and again when it comes back and goes on), flagged on the fleet page
 * with the count and since when, nothing of it stored; another station's events are stored all the
 * while.
 */
@Tag("security")
class MalformedSendersTest {
  @TempDir Path dir;

  @Test
  void shouldDisconnectAndFlagAStationFloodingGarbageWhileAnotherStationsEventsAreStored()
      throws Exception {
    Logger badInputLog = (Logger) LoggerFactory.getLogger(BadInput.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    badInputLog.addAppender(logged);
    try (RunningHub hub =
            RunningHub.start(dir, Map.of("hub.mqtt.security.bad-messages-per-station", 20));
        TestClient s2 = hub.station("s-002", "calm")) {
      StationEventRepository events = hub.bean(StationEventRepository.class);
      BadInput bad = hub.bean(BadInput.class);
      MalformedSenders senders = hub.bean(MalformedSenders.class);
      long s1Before = events.count("s-001");
      long s2Before = events.count("s-002");
      List<StationEvent> calm = new ArrayList<>();

      // When s-001 sends nothing but garbage, mixed with s-002's events.
      TestClient s1 = hub.station("s-001", "flood");
      int sent = 0;
      try {
        while (sent < 200 && s1.isConnected()) {
          s1.publish(
              Topic.stationEvent("s-001").toString(),
              ("{garbage " + sent).getBytes(StandardCharsets.UTF_8),
              false);
          sent++;
          // In step with the hub: the next piece of garbage goes once this one was judged (or the
          // station was thrown off), so what is asserted below is the hub's rule, not which of
          // the sender and a busy hub's ingest was faster (on a loaded machine, or on
          // PostgreSQL's slower commits, the sender could send all 200 before the first judgement).
          int judged = sent;
          await().until(() -> !s1.isConnected() || senders.count("s-001") >= judged);
          if (sent % 10 == 0) {
            StationEvent e =
                new StationEvent(
                    UUID.randomUUID(), "button.call", OffsetDateTime.now(), Map.of("n", sent));
            calm.add(e);
            s2.publish(Topic.stationEvent("s-002").toString(), ProtocolCodec.encode(e), false);
          }
        }
      } catch (IllegalStateException e) {
        // the broker closed the connection under a publish
      } finally {
        s1.close();
      }

      // Then it was thrown off well before it could send all it meant to.
      assertThat(sent).as("garbage sent before the hub closed the connection").isLessThan(200);
      await().until(() -> hub.bean(MalformedSenders.class).flag("s-001").isPresent());
      MalformedSenders.Flag flag = hub.bean(MalformedSenders.class).flag("s-001").orElseThrow();
      assertThat(flag.count()).isGreaterThanOrEqualTo(20);
      assertThat(hub.bean(MalformedSenders.class).flag("s-002")).isEmpty();
      long s2Stored = calm.size();
      await()
          .until(
              () ->
                  events.count("s-002") == s2Before + s2Stored
                      && bad.count("mqtt.event", "not-json") >= 20);
      assertThat(events.count("s-001")).as("nothing of the garbage stored").isEqualTo(s1Before);
      assertThat(logged.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .filteredOn(m -> m.contains("mqtt.event / not-json"))
          .as("logged by sample, not once a message")
          .hasSizeLessThanOrEqualTo(2);

      // It comes back and goes on: closed again at once.
      try (TestClient again = hub.station("s-001", "again")) {
        try {
          again.publish(
              Topic.stationEvent("s-001").toString(), "[]".getBytes(StandardCharsets.UTF_8), false);
        } catch (IllegalStateException e) {
          // closed under the publish
        }
        await().until(() -> !again.isConnected());
      }

      // And the fleet page says so, in the staff member's language.
      FleetOverview.Row row =
          hub.bean(FleetOverview.class).rows(hub.bean(StationRepository.class).all()).stream()
              .filter(r -> r.place().id().equals("s-001"))
              .findFirst()
              .orElseThrow();
      assertThat(row.alerts()).contains(FleetOverview.Alert.MALFORMED_DATA);
      StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
      String page = admin.get("/admin/fleet").body();
      assertThat(page).contains("发送异常数据").contains("已拒收 " + row.malformed().count() + " 条");
    } finally {
      badInputLog.detachAppender(logged);
    }
  }
}
