package liaison.hub.dashboard;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import liaison.hub.LargeCounty;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.OverdueEscalation;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The dashboard on a county of 150 stations and 100,000 opinions ({@link LargeCounty}, with a year
 * of receptions so that their figures count something), on each store: its figures for the whole
 * county over the last 12 months (what the county administrator opens) and for one station (a
 * station manager's scope), and the page itself over HTTP as the county administrator asks for it,
 * beside a bare {@code count(*)} of the cases.
 *
 * <p>A real hub on the store: the demo county's administrator is moved into the large county, so
 * the page is the one that county's administrator would see.
 */
@OnBothStores
class DashboardBenchmark {
  private static final LargeCounty.Size SIZE =
      Benchmarks.choose(LargeCounty.Size.COUNTY_OF_150, new LargeCounty.Size(2, 3, 300));
  private static final int ROUNDS = Benchmarks.count(20, 2);

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void countyOf150StationsAnd100000Opinions() {
    try (RunningHub hub = RunningHub.start(dir, store, Map.of())) {
      Database db = hub.bean(Database.class);
      Clock clock = hub.bean(Clock.class);
      LocalDate today = LocalDate.now(clock.withZone(Sql.ZONE));
      long filling = System.nanoTime();
      LargeCounty.fill(db, SIZE, today, 16);
      LargeCounty.receptions(db, SIZE, today, 16);
      db.useHandle(
          h ->
              h.execute(
                  "UPDATE staff_account SET county_id = ? WHERE username = 'admin'",
                  LargeCounty.COUNTY));
      // The hub's hourly check escalates the forwarded cases past their deadline, as it would have
      // in a working county: done before measuring, so that its first run (a minute after the
      // start) finds nothing and neither writes nor changes the figures during the rounds.
      int escalated = hub.bean(OverdueEscalation.class).escalateOverdue();
      double filled = (System.nanoTime() - filling) / 1e9;
      if (store == TestDatabases.Store.POSTGRESQL) {
        db.useHandle(h -> h.execute("ANALYZE"));
      }
      StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
      DashboardFigures dashboard = new DashboardFigures(db, clock);
      DashboardPeriod last12 = DashboardPeriod.last12Months(today);
      List<String> county =
          IntStream.range(0, SIZE.stations()).mapToObj(LargeCounty::station).toList();
      long[] count = new long[ROUNDS];
      long[] whole = new long[ROUNDS];
      long[] one = new long[ROUNDS];
      long[] page = new long[ROUNDS];
      DashboardFigures.Figures figures = null;
      for (int round = 0; round <= ROUNDS; round++) {
        String station = LargeCounty.station(round % SIZE.stations());
        long t0 = System.nanoTime();
        LargeCounty.countCases(db);
        long t1 = System.nanoTime();
        figures = dashboard.figures(county, last12);
        long t2 = System.nanoTime();
        dashboard.figures(List.of(station), last12);
        long t3 = System.nanoTime();
        HttpResponse<String> answer = admin.get("/admin/dashboard");
        long t4 = System.nanoTime();
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("/admin/dashboard answered " + answer.statusCode());
        }
        if (round > 0) {
          count[round - 1] = t1 - t0;
          whole[round - 1] = t2 - t1;
          one[round - 1] = t3 - t2;
          page[round - 1] = t4 - t3;
        }
      }
      String report =
          Benchmarks.table(
                  "the dashboard on " + store + ": " + LargeCounty.describe(SIZE, ROUNDS),
                  List.of(
                      new Benchmarks.Series("SELECT count(*) FROM opinion_case", count),
                      new Benchmarks.Series("the county's figures, last 12 months", whole),
                      new Benchmarks.Series("one station's figures, last 12 months", one),
                      new Benchmarks.Series("GET /admin/dashboard, county admin", page)))
              + String.format(
                  "the county's last 12 months: %d opinions counted, %d receptions held,"
                      + " %d of %d deputies on duty signed in; %d overdue cases escalated before the rounds%n",
                  figures.received(),
                  figures.receptionsHeld(),
                  figures.dutiesSignedIn(),
                  figures.dutiesScheduled(),
                  escalated)
              + String.format("generated and written in %.1f s%n", filled);
      Benchmarks.record("dashboard-" + store.name().toLowerCase(Locale.ROOT), report);
    }
  }
}
