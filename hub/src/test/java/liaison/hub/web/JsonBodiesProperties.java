package liaison.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jdbi.v3.core.Jdbi;

/**
 * Every kind of JSON value, posted to a representative set of the API's JSON endpoints on one real
 * hub: null, numbers (huge ones too), strings, arrays and nested nulls where an object is expected,
 * wrong types per field, duplicate keys, deep nesting, bytes that are not UTF-8, text cut short.
 * Each body is bad by construction, so each must be refused with a 4xx (never 5xx) in both
 * languages, name no Java class or library, be counted as bad input when it is a 400, and store
 * nothing.
 */
@Tag("security")
class JsonBodiesProperties {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> TABLES =
      List.of(
          "station",
          "deputy",
          "station_deputy",
          "notice",
          "department",
          "reception_slot",
          "station_enrolment",
          "station_credential",
          "station_playlist_entry",
          "audit_entry",
          "case_event");

  /**
   * A JSON endpoint and a field of its record that takes text (where an object is surely wrong).
   */
  record Endpoint(String method, String path, String textField, boolean anonymous) {}

  private static Path dir;
  private static RunningHub hub;
  private static StaffClient admin;
  private static StaffClient anonymous;
  private static List<Endpoint> endpoints;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("json-bodies");
    hub = RunningHub.start(dir, Map.of("hub.enrolment.requests-per-address", 1000));
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    anonymous = StaffClient.anonymous(hub);
    String caseId =
        JSON.readTree(admin.api("GET", "/api/cases", null).body()).path(0).path("id").asText();
    endpoints =
        List.of(
            new Endpoint("POST", "/api/stations", "name", false),
            new Endpoint("PUT", "/api/stations/s-001", "name", false),
            new Endpoint("POST", "/api/deputies", "name", false),
            new Endpoint("PUT", "/api/deputies/d-0001", "constituency", false),
            new Endpoint("POST", "/api/notices", "title", false),
            new Endpoint("POST", "/api/departments", "name", false),
            new Endpoint("POST", "/api/receptions", "theme", false),
            new Endpoint("PUT", "/api/stations/s-001/playlist", "entries", false),
            new Endpoint("POST", "/api/stations/s-002/enrolment", "code", false),
            new Endpoint("POST", "/api/cases/" + caseId + "/register", "summary", false),
            new Endpoint("POST", "/api/public/enrolments", "stationId", true));
  }

  @AfterContainer
  static void stop() throws IOException {
    hub.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200)
  void everyBadBodyIsRefusedInBothLanguagesCountedAndStoresNothing(
      @ForAll("endpoints") Endpoint endpoint, @ForAll("badBodies") Bad bad) throws IOException {
    byte[] body = bad.body(endpoint.textField());
    BadInput badInput = hub.bean(BadInput.class);
    long counted = badInput.count("http.json") + badInput.count("enrolment");
    long rows = rows();

    HttpResponse<String> answer =
        (endpoint.anonymous() ? anonymous : admin)
            .apiBytes(endpoint.method(), endpoint.path(), "application/json", body);

    String shown =
        endpoint.method()
            + " "
            + endpoint.path()
            + " "
            + bad.kind()
            + " → "
            + answer.statusCode()
            + " "
            + answer.body();
    assertThat(answer.statusCode()).as(shown).isBetween(400, 499);
    assertThat(answer.body())
        .as(shown)
        .doesNotContain("com.fasterxml", "java.", "liaison.", "Exception", "jackson", "Jackson");
    JsonNode json = JSON.readTree(answer.body());
    assertThat(json.path("message").asText()).as(shown).matches("(?s).*\\p{IsHan}.*");
    assertThat(json.path("messageEn").asText())
        .as(shown)
        .isNotBlank()
        .doesNotContainPattern("\\p{IsHan}");
    assertThat(rows()).as("nothing stored: " + shown).isEqualTo(rows);
    if (answer.statusCode() == 400) {
      assertThat(badInput.count("http.json") + badInput.count("enrolment"))
          .as("counted: " + shown)
          .isGreaterThan(counted);
    }
  }

  private static long rows() {
    return hub.bean(Jdbi.class)
        .withHandle(
            h -> {
              long sum = 0;
              for (String table : TABLES) {
                sum += h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one();
              }
              return sum;
            });
  }

  @Provide
  Arbitrary<Endpoint> endpoints() {
    return Arbitraries.of(endpoints);
  }

  /** A body that is wrong by construction, and what kind of wrong (for the failure message). */
  record Bad(String kind, java.util.function.Function<String, byte[]> maker) {
    byte[] body(String textField) {
      return maker.apply(textField);
    }
  }

  @Provide
  Arbitrary<Bad> badBodies() {
    Arbitrary<String> anyValue = values(3);
    return Arbitraries.oneOf(
        // A value of another kind where the object should be: null, a number, a string, an array.
        anyValue
            .filter(v -> !v.startsWith("{"))
            .map(v -> new Bad("not an object: " + cut(v), f -> utf8(v))),
        // An object whose text field holds an object or an array, among other fields of any kind.
        Combinators.combine(
                Arbitraries.of("{\"x\": null}", "{\"a\": [null, {}]}", "[\"a\", null]", "[[]]"),
                objectFields())
            .as(
                (wrong, others) ->
                    new Bad(
                        "wrong type",
                        f ->
                            utf8(
                                "{"
                                    + others
                                    + (others.isEmpty() ? "" : ", ")
                                    + quote(f)
                                    + ": "
                                    + wrong
                                    + "}"))),
        // The same field twice (Jackson keeps the last one silently unless told).
        anyValue.map(
            v ->
                new Bad(
                    "duplicate key",
                    f -> utf8("{" + quote(f) + ": \"a\", " + quote(f) + ": " + v + "}"))),
        // Nested far deeper than any record: at the top, or inside a field.
        Arbitraries.integers()
            .between(600, 5_000)
            .map(d -> new Bad("deep " + d, f -> utf8("[".repeat(d) + "]".repeat(d)))),
        Arbitraries.integers()
            .between(600, 5_000)
            .map(
                d ->
                    new Bad(
                        "deep field " + d,
                        f ->
                            utf8(
                                "{"
                                    + quote(f)
                                    + ": "
                                    + "{\"a\":".repeat(d)
                                    + "1"
                                    + "}".repeat(d)
                                    + "}"))),
        // Bytes that are not UTF-8 inside a string.
        Arbitraries.bytes()
            .between((byte) 0x80, (byte) 0xFF)
            .list()
            .ofMinSize(1)
            .ofMaxSize(4)
            .map(bytes -> new Bad("not UTF-8", f -> notUtf8(f, bytes))),
        // Text cut short, or not JSON at all.
        Combinators.combine(objectFields(), Arbitraries.integers().between(1, 40))
            .as(
                (fields, cut) ->
                    new Bad(
                        "cut short",
                        f -> {
                          String whole =
                              "{"
                                  + quote(f)
                                  + ": {\"b\": [1, 2, "
                                  + (fields.isEmpty() ? "null" : "{" + fields + "}")
                                  + "]}}";
                          return utf8(whole.substring(0, Math.max(1, whole.length() - cut)));
                        })),
        Arbitraries.of(
                "",
                "nul",
                "{'a': 1}",
                "{\"a\" 1}",
                "tru",
                "1e",
                "--1",
                "{\"a\":1}}",
                "\"unterminated",
                "{,}",
                "[1,]")
            .map(t -> new Bad("not JSON: " + t, f -> utf8(t))));
  }

  /**
   * Zero to four fields of any names and values (nested nulls, huge numbers, …), as object text.
   */
  private static Arbitrary<String> objectFields() {
    Arbitrary<String> names =
        Arbitraries.of(
            "name",
            "id",
            "kind",
            "levels",
            "stationIds",
            "code",
            "entries",
            "title",
            "zz",
            "",
            "名字");
    return Combinators.combine(names, values(2))
        .as((n, v) -> quote(n) + ": " + v)
        .list()
        .ofMaxSize(4)
        .uniqueElements(s -> s.substring(0, s.indexOf(':')))
        .map(list -> String.join(", ", list));
  }

  /** JSON values of every kind, nested up to {@code depth}. */
  private static Arbitrary<String> values(int depth) {
    Arbitrary<String> scalars =
        Arbitraries.oneOf(
            Arbitraries.just("null"),
            Arbitraries.of("true", "false"),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.of(
                "1e999999",
                "-1e-999999",
                "123456789012345678901234567890",
                "-0",
                "0.1e400",
                "9".repeat(900)),
            Arbitraries.strings().ofMaxLength(12).map(JsonBodiesProperties::quote),
            Arbitraries.of(
                "\"\\ud800\"", "\"\\u0000\"", "\"\\uDFFF\\uD800\"", "\"" + "长".repeat(300) + "\""));
    if (depth == 0) {
      return scalars;
    }
    Arbitrary<String> inner = values(depth - 1);
    return Arbitraries.oneOf(
        scalars,
        inner.list().ofMaxSize(3).map(l -> "[" + String.join(", ", l) + "]"),
        Combinators.combine(Arbitraries.of("a", "name", "x", ""), inner)
            .as((k, v) -> quote(k) + ": " + v)
            .list()
            .ofMaxSize(3)
            .map(l -> "{" + String.join(", ", l) + "}"),
        Arbitraries.of("[null]", "{\"a\": null}", "[[null], {\"b\": [null]}]"));
  }

  private static byte[] notUtf8(String field, List<Byte> bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8("{" + quote(field) + ": \"a"));
    // 0xC0, 0xC1 and 0xF5..0xFF never occur in UTF-8; other bytes here are continuation bytes
    // without a lead.
    out.write(0xC0);
    bytes.forEach(b -> out.write(b));
    out.writeBytes(utf8("\"}"));
    return out.toByteArray();
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String cut(String text) {
    return text.length() > 30 ? text.substring(0, 30) + "…" : text;
  }
}
