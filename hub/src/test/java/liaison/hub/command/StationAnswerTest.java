package liaison.hub.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationCommand;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command's answer is taken only from the station it went to. Station s-002, knowing the id of a
 * command sent to s-001, can neither write s-001's answer topic (the broker refuses it) nor answer
 * on its own: that answer is refused and counted, and the command's outcome is s-001's own.
 */
@Tag("security")
class StationAnswerTest {
  @TempDir Path dir;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldTakeACommandsAnswerOnlyFromTheStationItWentTo() throws Exception {
    try (RunningHub hub = RunningHub.start(dir, Map.of("hub.commands.timeout", "30s"));
        TestClient s1 = hub.station("s-001", "asked");
        TestClient s2 = hub.station("s-002", "impostor")) {
      s1.subscribe(Topic.stationCommand("s-001").toString());
      BadInput bad = hub.bean(BadInput.class);
      long wrongBefore = bad.count("mqtt.response", "wrong-station");
      StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);

      CompletableFuture<HttpResponse<String>> sending =
          CompletableFuture.supplyAsync(
              () -> admin.api("POST", "/api/stations/s-001/commands", "{\"name\": \"IDENTIFY\"}"));
      TestClient.Received got = s1.awaitMessage(0);
      StationCommand command = ProtocolCodec.decode(got.payload(), StationCommand.class);
      String hubInstance = hub.bean(liaison.hub.broker.BrokerClient.class).instance();
      assertThat(got.responseTopic())
          .as("the answer topic lies in the asked station's own tree")
          .isEqualTo(Topic.stationResponse("s-001", hubInstance).toString());
      byte[] forged =
          ProtocolCodec.encode(CommandResult.ok(command.id(), "已完成", "done", OffsetDateTime.now()));

      // s-002 answers for s-001: on s-001's answer topic the broker refuses it, on its own the hub
      // does.
      try (TestClient s2Again = hub.station("s-002", "impostor2")) {
        assertThat(s2Again.publishReason(got.responseTopic(), forged, false)).isEqualTo(0x87);
      }
      s2.publish(Topic.stationResponse("s-002", hubInstance).toString(), forged, false);
      await().until(() -> bad.count("mqtt.response", "wrong-station") == wrongBefore + 1);
      assertThat(sending).as("the forged answer did not end the wait").isNotDone();
      assertThat(
              hub.bean(CommandRepository.class)
                  .find(command.id().toString())
                  .orElseThrow()
                  .status())
          .isEqualTo(CommandStatus.PENDING);

      // s-001's own answer is the one that counts.
      s1.publish(
          got.responseTopic(),
          ProtocolCodec.encode(
              CommandResult.failed(command.id(), "没有指示灯", "no LED here", OffsetDateTime.now())),
          false);
      HttpResponse<String> answer = sending.get();
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonNode stored = json.readTree(answer.body());
      assertThat(stored.path("status").asText()).isEqualTo("FAILED");
      assertThat(hub.bean(liaison.hub.broker.MalformedSenders.class).count("s-002"))
          .as("counted against the impostor")
          .isEqualTo(1);
    }
  }
}
