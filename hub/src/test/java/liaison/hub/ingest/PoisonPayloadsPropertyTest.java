package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a station publishes on its event topic, the hub goes on storing: generated payloads of
 * every JSON kind (null, numbers huge and small, strings, arrays, booleans, empty objects), events
 * with a field of the wrong type or a required field null, a field named twice, bodies nested too
 * deep, non-UTF-8 text, truncated JSON and raw bytes, each published as enrolled station s-001
 * through the hub's real broker into the real hub (one hub for the whole property). After each
 * try's bad payloads, a valid event from s-001 and one from s-002 are sent: both must be stored,
 * every bad payload counted once, and nothing of them stored.
 */
@Tag("security")
class PoisonPayloadsPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Path dir;
  private static RunningHub hub;
  private static TestClient s1;
  private static TestClient s2;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("poison-properties");
    // A flood limit out of reach: this property sends hundreds of bad events from one station on
    // purpose.
    hub = RunningHub.start(dir, Map.of("hub.mqtt.security.bad-messages-per-station", 1_000_000));
    s1 = hub.station("s-001", "property");
    s2 = hub.station("s-002", "property");
  }

  @AfterContainer
  static void stop() throws IOException {
    s1.close();
    s2.close();
    hub.close();
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void validEventsAfterAnyBadPayloadsAreAllStoredAndNothingOfTheBadOnes(
      @ForAll("badPayloads") List<byte[]> payloads) {
    BadInput bad = hub.bean(BadInput.class);
    long badBefore = bad.count("mqtt.event");
    long s1Before = count("s-001");
    String topic = Topic.stationEvent("s-001").toString();

    for (byte[] payload : payloads) {
      s1.publish(topic, payload, false);
    }
    StationEvent mine =
        new StationEvent(UUID.randomUUID(), "button.call", OffsetDateTime.now(), Map.of());
    StationEvent other =
        new StationEvent(UUID.randomUUID(), "footfall", OffsetDateTime.now(), Map.of("count", 1));
    s1.publish(topic, ProtocolCodec.encode(mine), false);
    s2.publish(Topic.stationEvent("s-002").toString(), ProtocolCodec.encode(other), false);

    await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stored("s-001", mine)
                    && stored("s-002", other)
                    && bad.count("mqtt.event") >= badBefore + payloads.size());
    assertThat(bad.count("mqtt.event"))
        .as("each bad payload counted once")
        .isEqualTo(badBefore + payloads.size());
    assertThat(count("s-001")).as("nothing of the bad payloads stored").isEqualTo(s1Before + 1);
  }

  private static long count(String stationId) {
    return hub.bean(StationEventRepository.class).count(stationId);
  }

  private static boolean stored(String stationId, StationEvent event) {
    return StoredEvents.has(hub, stationId, event);
  }

  @Provide
  Arbitrary<List<byte[]>> badPayloads() {
    return Arbitraries.oneOf(
            jsonOfAnotherKind(),
            eventWithAWrongField(),
            eventWithADuplicateField(),
            eventNestedTooDeep(),
            eventNotInUtf8(),
            truncatedEvent(),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(64))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  /** A JSON value that is not an object, or an object without what an event needs. */
  private static Arbitrary<byte[]> jsonOfAnotherKind() {
    Arbitrary<String> values =
        Arbitraries.oneOf(
            Arbitraries.just("null"),
            Arbitraries.of(
                "true",
                "false",
                "{}",
                "[]",
                "[null]",
                "{\"body\": {}}",
                "1e400",
                "-1e400",
                "123456789012345678901234567890",
                "9".repeat(80),
                "-0",
                "0.0"),
            Arbitraries.longs().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf),
            Arbitraries.strings().ofMaxLength(40).map(PoisonPayloadsPropertyTest::quoted),
            Arbitraries.strings()
                .ofMaxLength(10)
                .map(PoisonPayloadsPropertyTest::quoted)
                .list()
                .ofMaxSize(4)
                .map(List::toString));
    return values.map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  private static ObjectNode validEvent() {
    ObjectNode event = JSON.createObjectNode();
    event.put("id", UUID.randomUUID().toString());
    event.put("type", "button.call");
    event.put("at", "2026-11-23T10:20:00+08:00");
    event.putObject("body").put("pressedMillis", 850);
    return event;
  }

  /** A valid-looking event with one field of the wrong JSON type, or a required field null. */
  private static Arbitrary<byte[]> eventWithAWrongField() {
    Arbitrary<String> field = Arbitraries.of("id", "type", "at", "body");
    Arbitrary<String> wrong =
        Arbitraries.of(
            "null", "42", "4.7", "true", "[]", "[\"x\"]", "{}", "\"\"", "1e400", "\"not-a-uuid\"");
    return Combinators.combine(field, wrong)
        // An empty or null body is an event without a body: valid.
        .filter((f, w) -> !(f.equals("body") && (w.equals("{}") || w.equals("null"))))
        .as(
            (f, w) -> {
              try {
                ObjectNode event = validEvent();
                event.set(f, JSON.readTree(w.equals("1e400") ? "1" : w));
                String text = JSON.writeValueAsString(event);
                // Jackson would write 1e400 as Infinity: put the literal in by hand.
                return (w.equals("1e400")
                        ? text.replace("\"" + f + "\":1", "\"" + f + "\":1e400")
                        : text)
                    .getBytes(StandardCharsets.UTF_8);
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static Arbitrary<byte[]> eventWithADuplicateField() {
    return Arbitraries.of("id", "type", "at", "body")
        .map(
            f -> {
              String text = validEvent().toString();
              String again =
                  f.equals("body") ? "\"body\":{}" : "\"" + f + "\":" + validEvent().get(f);
              return text.replaceFirst("\\}$", "," + again + "}").getBytes(StandardCharsets.UTF_8);
            });
  }

  private static Arbitrary<byte[]> eventNestedTooDeep() {
    return Arbitraries.integers()
        .between(ProtocolCodec.MAX_NESTING, 200)
        .map(
            depth -> {
              String body = "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
              return validEvent()
                  .toString()
                  .replaceFirst("\"body\":\\{[^}]*\\}", "\"body\":" + body)
                  .getBytes(StandardCharsets.UTF_8);
            });
  }

  private static Arbitrary<byte[]> eventNotInUtf8() {
    return Arbitraries.of("UTF-16", "UTF-16LE", "UTF-32", "GBK", "ISO-8859-1")
        .map(
            charset -> {
              ObjectNode event = validEvent();
              event.putObject("body").put("note", "请工作人员到前台 é");
              return event.toString().getBytes(Charset.forName(charset));
            });
  }

  private static Arbitrary<byte[]> truncatedEvent() {
    byte[] whole = validEvent().toString().getBytes(StandardCharsets.UTF_8);
    return Arbitraries.integers()
        .between(0, whole.length - 1)
        .map(n -> java.util.Arrays.copyOf(whole, n));
  }

  private static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
