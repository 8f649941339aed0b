package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopicFilterTest {
  @ParameterizedTest(name = "{0} against {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "liaison/v1/station/+/event | liaison/v1/station/s-001/event | true",
        "liaison/v1/station/+/event | liaison/v1/station/s-001/state | false",
        "liaison/v1/station/+/event | liaison/v1/station/s-001/event/x | false",
        "liaison/v1/station/+/event | liaison/v1/station/s-001 | false",
        "$share/hub/liaison/v1/station/+/event | liaison/v1/station/s-001/event | true",
        "$share/hub/liaison/v1/station/+/event | liaison/v1/station/s-001/state | false",
        "liaison/v1/hub/# | liaison/v1/hub/a/responses | true",
        "liaison/v1/hub/# | liaison/v1/hub | true",
        "liaison/v1/hub/# | liaison/v1/hubs/x | false",
        "# | anything/at/all | true",
        "a/b | a/b | true",
        "a/b | a/bc | false",
        "a/bc | a/b | false",
        "a/b | a/b/ | false",
        "a/+ | a/ | true",
        "+/+ | a/b | true",
        "+ | a/b | false",
        "a//b | a//b | true",
        "a/+/b | a//b | true",
      })
  void shouldMatchAsMqttSays(String filter, String topic, boolean matches) {
    assertThat(TopicFilter.matches(filter, topic)).isEqualTo(matches);
  }
}
