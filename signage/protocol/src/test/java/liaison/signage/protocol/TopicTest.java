package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import liaison.signage.protocol.Topic.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicTest {

  @ParameterizedTest(name = "{0} ⇄ {1}/{2}")
  @CsvSource({
    "liaison/v1/station/s-001/content, s-001, CONTENT",
    "liaison/v1/station/s-001/alert,   s-001, ALERT",
    "liaison/v1/station/s-014/state,   s-014, STATE",
    "liaison/v1/station/gz-baisha-7/event, gz-baisha-7, EVENT",
    "liaison/v1/station/9/command,     9,     COMMAND",
    "liaison/v1/station/s-001/tally,   s-001, TALLY",
    "liaison/v1/station/s-001/project-tally, s-001, PROJECT_TALLY",
  })
  void shouldFormatAndParseEachChannel(String text, String stationId, Channel channel) {
    Topic topic = new Topic(stationId, channel);

    assertThat(topic.toString()).isEqualTo(text);
    assertThat(Topic.parse(text)).isEqualTo(topic);
  }

  @Test
  void shouldBuildTheNamedTopics() {
    assertThat(Topic.stationContent("s-001")).hasToString("liaison/v1/station/s-001/content");
    assertThat(Topic.stationAlert("s-001").channel()).isEqualTo(Channel.ALERT);
    assertThat(Topic.stationState("s-001").channel().retained()).isTrue();
    assertThat(Topic.stationEvent("s-001").channel().retained()).isFalse();
    assertThat(Topic.stationCommand("s-001").channel()).isEqualTo(Channel.COMMAND);
  }

  @Test
  void shouldBuildFiltersForAllStations() {
    assertThat(Topic.allStations(Channel.EVENT)).isEqualTo("liaison/v1/station/+/event");
    assertThat(Topic.sharedAllStations("hub", Channel.EVENT))
        .isEqualTo("$share/hub/liaison/v1/station/+/event");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "liaison/v1/station/s-001",
        "liaison/v1/station/s-001/",
        "liaison/v1/station/s-001/contents",
        "liaison/v1/station/s-001/content/extra",
        "liaison/v1/station/+/content",
        "liaison/v1/station/#",
        "liaison/v1/station//content",
        "liaison/v1/station/S-001/content",
        "liaison/v1/station/-s/content",
        "liaison/v2/station/s-001/content",
        "/liaison/v1/station/s-001/content",
      })
  void shouldRefuseWhatIsNotAStationTopic(String text) {
    assertThat(Topic.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Topic.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a station topic")
        .hasMessageContaining("{station}/{content|alert|state|event|command|tally|project-tally}");
  }

  @Test
  void shouldRefuseAStationIdThatCouldBreakATopic() {
    assertThatThrownBy(() -> Topic.stationContent("a/b"))
        .hasMessageContaining("station id must be")
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> Topic.stationContent("x".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Topic.isValidStationId("x".repeat(64))).isTrue();
  }

  @Test
  void shouldCheckAStationIdAsItsPatternDoes() {
    // Every text of up to four characters from letters, digits, hyphens and what an id must not
    // hold, and texts around the length limit: the hand-written check says what the pattern says.
    String alphabet = "az09-A/_é ";
    List<String> texts = new ArrayList<>(List.of(""));
    List<String> shorter = List.of("");
    for (int length = 1; length <= 4; length++) {
      List<String> longer = new ArrayList<>();
      for (String text : shorter) {
        for (char c : alphabet.toCharArray()) {
          longer.add(text + c);
        }
      }
      texts.addAll(longer);
      shorter = longer;
    }
    for (int length = 62; length <= 66; length++) {
      for (String edge : List.of("a", "-", "0", "Z")) {
        texts.add(edge + "b".repeat(length - 2) + edge);
        texts.add("c" + "-".repeat(length - 2) + "9");
      }
    }
    Pattern pattern = Topic.stationIdPattern();
    int valid = 0;
    for (String text : texts) {
      boolean expected = pattern.matcher(text).matches();
      assertThat(Topic.isValidStationId(text)).as("'%s'", text).isEqualTo(expected);
      valid += expected ? 1 : 0;
    }
    assertThat(valid).as("valid ids among the texts").isGreaterThanOrEqualTo(500);
    assertThat(texts.size() - valid).as("invalid ones").isGreaterThan(10_000);
    assertThat(Topic.isValidStationId(null)).isFalse();
  }

  @ParameterizedTest(name = "{0} ⇄ {1} answers {2}")
  @CsvSource({
    "liaison/v1/station/s-001/response/liaison-hub, s-001,       liaison-hub",
    "liaison/v1/station/gz-baisha-7/response/hub_2, gz-baisha-7, hub_2",
  })
  void shouldFormatAndParseAStationsResponseTopic(String text, String stationId, String hub) {
    Topic.Response topic = Topic.stationResponse(stationId, hub);

    assertThat(topic.toString()).isEqualTo(text);
    assertThat(Topic.tryParseResponse(text)).contains(topic);
    assertThat(Topic.tryParse(text)).as("not one of the five station channels").isEmpty();
  }

  @Test
  void shouldBuildTheFilterOfOneHubInstanceForEveryStationsAnswers() {
    assertThat(Topic.responsesFor("liaison-hub"))
        .isEqualTo("liaison/v1/station/+/response/liaison-hub");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "liaison/v1/hub/responses/liaison-hub",
        "liaison/v1/station/s-001/response",
        "liaison/v1/station/s-001/response/",
        "liaison/v1/station/s-001/response/a/b",
        "liaison/v1/station/+/response/liaison-hub",
        "liaison/v1/station/s-001/response/+",
        "liaison/v1/station/s-001/responses/liaison-hub",
        "liaison/v1/station/s-001/event",
      })
  void shouldRefuseWhatIsNotAResponseTopic(String text) {
    assertThat(Topic.tryParseResponse(text)).isEmpty();
  }

  @Test
  void shouldRefuseAHubInstanceThatCouldBreakATopic() {
    assertThatThrownBy(() -> Topic.stationResponse("s-001", "a/+"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topic.responsesFor("#")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Topic.stationResponse("S-001", "hub"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
