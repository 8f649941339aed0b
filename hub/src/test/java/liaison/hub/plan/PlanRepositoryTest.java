package liaison.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.SmallCounty;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** A station's annual plan as stored, on SQLite and on PostgreSQL. */
@OnBothStores
class PlanRepositoryTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  private TestStore opened;
  private PlanRepository plans;
  private Database database;

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    plans = new PlanRepository(database, clock);
    SmallCounty.store(database, clock, List.of("s-001", "s-002"), List.of("d-1", "d-2", "d-3"));
  }

  @AfterEach
  void close() {
    opened.close();
  }

  @Test
  void shouldListAYearsActivitiesOfOneStationInDateOrderWithTheirDeputiesInOrder() {
    save(activity("a-3", "s-001", "2026-11-20", List.of("d-3", "d-1")));
    save(activity("a-1", "s-001", "2026-01-16", List.of()));
    save(activity("a-2", "s-001", "2025-12-31", List.of("d-2")));
    save(activity("a-4", "s-002", "2026-05-01", List.of("d-1")));

    List<Activity> year = plans.forStation("s-001", day("2026-01-01"), day("2026-12-31"), 100);

    assertThat(year).extracting(Activity::id).containsExactly("a-1", "a-3");
    assertThat(year.get(1).deputyIds()).containsExactly("d-3", "d-1");
    assertThat(year.get(1).kind()).isEqualTo(ActivityKind.INSPECTION);
    assertThat(year.get(1).notes()).isEqualTo("带好安全帽");
    assertThat(plans.years("s-001")).containsExactly(2025, 2026);
    assertThat(plans.years("s-002")).containsExactly(2026);
    assertThat(plans.forStation("s-001", day("2026-01-01"), day("2026-12-31"), 1))
        .extracting(Activity::id)
        .containsExactly("a-1");
  }

  @Test
  void shouldReplaceTheDeputiesWhenChangedAndForgetEverythingWhenDeleted() {
    save(activity("a-1", "s-001", "2026-04-22", List.of("d-1", "d-2")));

    Activity changed =
        new Activity(
            "a-1",
            "s-002",
            day("2026-04-23"),
            ActivityKind.REPORT,
            "向选民述职",
            "文化广场",
            List.of("d-3"),
            null);
    database.useTransaction(h -> plans.update(h, changed));

    assertThat(plans.find("a-1")).contains(changed);
    database.useTransaction(h -> plans.delete(h, "a-1"));
    assertThat(plans.find("a-1")).isEmpty();
    int left =
        database.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM plan_activity_deputy")
                    .mapTo(Integer.class)
                    .one());
    assertThat(left).isZero();
  }

  private void save(Activity a) {
    database.useTransaction(h -> plans.insert(h, a));
  }

  private static Activity activity(String id, String station, String date, List<String> deputies) {
    return new Activity(
        id, station, day(date), ActivityKind.INSPECTION, "老旧小区改造视察", "人民路小区", deputies, "带好安全帽");
  }

  private static LocalDate day(String text) {
    return LocalDate.parse(text);
  }
}
