package liaison.hub.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.ingest.StationEventRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ratings pressed on a kiosk travel as events through the real broker and add up on the station's
 * page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OnSiteRatingsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldCountEachRatingOnceOnTheStationsPage() {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
    LocalDate today = now.toLocalDate();
    StationEvent satisfied = rating(now, "SATISFIED");
    StationEvent alsoSatisfied =
        new StationEvent(
            UUID.randomUUID(),
            "satisfaction",
            now,
            Map.of("rating", "SATISFIED", "receptionId", "r-0002"));
    StationEvent dissatisfiedYesterday = rating(at(today.minusDays(1)), "DISSATISFIED");
    StationEvent unknown = rating(now, "VERY_HAPPY");
    StationEvent tooOld = rating(at(today.minusDays(40)), "BASICALLY_SATISFIED");
    String topic = Topic.stationEvent("s-002").toString();

    try (TestClient kiosk = hub.station("s-002", "kiosk")) {
      kiosk.publish(topic, ProtocolCodec.encode(satisfied), false);
      // The outbox sends again when it missed the acknowledgement: same uuid, one rating.
      kiosk.publish(topic, ProtocolCodec.encode(satisfied), false);
      kiosk.publish(topic, ProtocolCodec.encode(alsoSatisfied), false);
      kiosk.publish(topic, ProtocolCodec.encode(dissatisfiedYesterday), false);
      kiosk.publish(topic, ProtocolCodec.encode(unknown), false);
      kiosk.publish(topic, ProtocolCodec.encode(tooOld), false);
    }
    StationEventRepository events = hub.bean(StationEventRepository.class);
    await().until(() -> events.count("s-002") == 5);

    String page =
        StaffClient.loggedIn(hub, "baisha", DemoCounty.PASSWORD)
            .get("/admin/stations/s-002/edit")
            .body();

    assertThat(page).contains("现场满意度评价");
    assertThat(counts(page, "SATISFIED", "满意")).containsExactly(2, 2);
    assertThat(counts(page, "BASICALLY_SATISFIED", "基本满意")).containsExactly(0, 0);
    assertThat(counts(page, "DISSATISFIED", "不满意")).containsExactly(0, 1);
    assertThat(page).contains("近30天另有 1 条评价无法识别，未计入。");
  }

  @Test
  void shouldShowTheRatingsInEnglishWhenChosen() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    admin.get("/lang/en?next=/admin");

    String page = admin.get("/admin/stations/s-003/edit").body();

    assertThat(page).contains("On-site satisfaction", "Basically satisfied", "Last 30 days");
  }

  /** Today's and the last 30 days' count in the row of one rating. */
  private static int[] counts(String page, String rating, String label) {
    Matcher m =
        Pattern.compile(
                "data-rating=\""
                    + rating
                    + "\">\\s*<th>"
                    + label
                    + "</th>\\s*<td class=\"today\">(\\d+)</td>\\s*<td class=\"last-days\">(\\d+)</td>")
            .matcher(page);
    assertThat(m.find()).as("a row for %s in %s", rating, page).isTrue();
    return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
  }

  private static OffsetDateTime at(LocalDate day) {
    return day.atTime(LocalTime.NOON).atZone(SHANGHAI).toOffsetDateTime();
  }

  private static StationEvent rating(OffsetDateTime at, String rating) {
    return new StationEvent(UUID.randomUUID(), "satisfaction", at, Map.of("rating", rating));
  }
}
