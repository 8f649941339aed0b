package liaison.hub.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.publish.StationDutyRepository.ReportRow;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;
import liaison.signage.protocol.StationKind;
import liaison.testkit.TestClock;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What a station's screens read of the deputies' side: the county's latest stars and the station's
 * reports to voters, on SQLite and on PostgreSQL.
 */
@OnBothStores
class StationDutyRepositoryTest {
  @Parameter TestDatabases.Store store;

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
  private final TestClock clock = TestClock.at("2026-11-24T10:00:00+08:00");
  private TestStore opened;
  private Database database;
  private StationDutyRepository duty;

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    duty = new StationDutyRepository(database);
    StationRepository stations = new StationRepository(database, clock);
    DeputyRepository deputies = new DeputyRepository(database, clock);
    database.useTransaction(
        h -> {
          stations.insertCounty(h, "c-1", "青溪县");
          stations.insertCounty(h, "c-2", "石桥县");
          stations.insertTownship(h, "t-1", "c-1", "城关镇");
          stations.insertTownship(h, "t-2", "c-2", "石桥镇");
          station(stations, h, "s-001", "t-1", "城关镇人大代表之家");
          station(stations, h, "s-002", "t-1", "东关街道代表联络站");
          station(stations, h, "s-101", "t-2", "石桥镇代表联络站");
          for (int i = 1; i <= 9; i++) {
            deputy(deputies, h, "d-" + i, i <= 8 ? "c-1" : "c-2");
          }
          // d-1 sits at two stations: the board names the first; d-3 at none.
          assign(h, "s-002", "d-1");
          assign(h, "s-001", "d-1");
          assign(h, "s-002", "d-2");
          assign(h, "s-101", "d-9");
        });
  }

  @AfterEach
  void close() {
    opened.close();
  }

  @Test
  void shouldGiveTheCountysLatestMonthsAndYearsStarsMostPointsFirstWithTheirFirstStation() {
    database.useTransaction(
        h -> {
          star(h, "c-1", "MONTH", "2026-09", "d-4", 200);
          star(h, "c-1", "MONTH", "2026-10", "d-2", 90);
          star(h, "c-1", "MONTH", "2026-10", "d-1", 128);
          star(h, "c-1", "YEAR", "2024", "d-5", 900);
          star(h, "c-1", "YEAR", "2025", "d-3", 1260);
          star(h, "c-2", "MONTH", "2026-11", "d-9", 300);
          // more than a period shows
          for (int i = 4; i <= 8; i++) {
            star(h, "c-1", "YEAR", "2025", "d-" + i, 1000 - i);
          }
        });

    List<Star> stars = duty.latestStars("c-1");

    assertThat(stars)
        .extracting(Star::kind, Star::period, Star::deputyId, Star::points)
        .startsWith(
            org.assertj.core.groups.Tuple.tuple(StarPeriod.MONTH, "2026-10", "d-1", 128),
            org.assertj.core.groups.Tuple.tuple(StarPeriod.MONTH, "2026-10", "d-2", 90),
            org.assertj.core.groups.Tuple.tuple(StarPeriod.YEAR, "2025", "d-3", 1260),
            org.assertj.core.groups.Tuple.tuple(StarPeriod.YEAR, "2025", "d-4", 996));
    assertThat(stars).hasSize(2 + StationDutyRepository.STARS_PER_PERIOD);
    assertThat(stars.getFirst().name()).isEqualTo("代表d-1");
    assertThat(stars.getFirst().photo()).isEqualTo("abc123");
    assertThat(stars.getFirst().stationName()).isEqualTo("城关镇人大代表之家");
    assertThat(stars.get(2).stationName()).isEmpty();
    assertThat(duty.latestStars("c-2")).extracting(Star::deputyId).containsExactly("d-9");
  }

  @Test
  void shouldGiveTheStationsComingAndOpenReportsAndThoseClosedTodayInTimeOrder() {
    database.useTransaction(
        h -> {
          report(h, "vr-open", "s-001", "2026-11-24T09:30:00+08:00", "OPEN", null);
          report(h, "vr-later", "s-001", "2026-11-26T15:00:00+08:00", "SCHEDULED", null);
          report(h, "vr-today", "s-001", "2026-11-24T15:00:00+08:00", "SCHEDULED", null);
          report(
              h,
              "vr-closed-today",
              "s-001",
              "2026-11-24T08:00:00+08:00",
              "CLOSED",
              "2026-11-24T08:50:00+08:00");
          report(
              h,
              "vr-closed-before",
              "s-001",
              "2026-11-23T15:00:00+08:00",
              "CLOSED",
              "2026-11-23T16:00:00+08:00");
          report(h, "vr-cancelled", "s-001", "2026-11-25T15:00:00+08:00", "CANCELLED", null);
          report(h, "vr-past", "s-001", "2026-11-23T09:00:00+08:00", "SCHEDULED", null);
          report(h, "vr-far", "s-001", "2026-12-20T09:00:00+08:00", "SCHEDULED", null);
          report(h, "vr-elsewhere", "s-002", "2026-11-24T15:00:00+08:00", "SCHEDULED", null);
        });

    List<ReportRow> reports = duty.reports("s-001", TODAY, TODAY.plusDays(7));

    assertThat(reports)
        .extracting(ReportRow::id)
        .containsExactly("vr-closed-today", "vr-open", "vr-today", "vr-later");
    ReportRow open = reports.get(1);
    assertThat(open.deputyName()).isEqualTo("代表d-2");
    assertThat(open.starts()).isEqualTo(OffsetDateTime.parse("2026-11-24T09:30:00+08:00"));
    assertThat(open.ends()).isEqualTo(OffsetDateTime.parse("2026-11-24T10:30:00+08:00"));
    assertThat(open.title()).isEqualTo("vr-open 履职报告");
  }

  private static void station(StationRepository stations, Handle h, String id, String t, String n) {
    stations.insert(
        h,
        new Station(id, t, n, StationKind.HOME, "地址", "周一至周五", n, null, null, PublicTokens.next()));
  }

  private static void deputy(DeputyRepository deputies, Handle h, String id, String c) {
    deputies.insert(
        h,
        c,
        new Deputy(
            id,
            "代表" + id,
            List.of(DeputyLevel.COUNTY),
            "",
            "",
            "",
            List.of(),
            id.equals("d-1") ? "abc123" : null,
            null,
            false));
  }

  private static void assign(Handle h, String station, String deputy) {
    h.execute("INSERT INTO station_deputy (station_id, deputy_id) VALUES (?, ?)", station, deputy);
  }

  private static void star(Handle h, String county, String kind, String period, String d, int p) {
    h.execute(
        "INSERT INTO duty_star (county_id, period_kind, period, deputy_id, points, chosen_at)"
            + " VALUES (?, ?, ?, ?, ?, '2026-11-01T09:00:00+08:00')",
        county,
        kind,
        period,
        d,
        p);
  }

  private static void report(
      Handle h, String id, String station, String starts, String status, String closedAt) {
    OffsetDateTime from = OffsetDateTime.parse(starts);
    h.execute(
        "INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title, status,"
            + " closed_at, created_by, created_at)"
            + " VALUES (?, 'd-2', ?, ?, ?, ?, ?, ?, 'u-1', '2026-11-01T09:00:00+08:00')",
        id,
        station,
        starts,
        Sql.instant(from.plusHours(1)),
        id + " 履职报告",
        status,
        closedAt);
  }
}
