package liaison.hub.results;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.LargeCounty;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.testkit.Benchmarks;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The handling figures of a county of 150 stations and 100,000 opinions ({@link LargeCounty}): a
 * station's three periods (what every snapshot of it asks), the county's last 12 months per
 * station, and a published summaries' page, beside a bare {@code count(*)} of the same table, on
 * each store.
 */
@OnBothStores
class HandlingResultsBenchmark {
  private static final LargeCounty.Size SIZE =
      Benchmarks.choose(LargeCounty.Size.COUNTY_OF_150, new LargeCounty.Size(2, 3, 300));
  private static final int ROUNDS = Benchmarks.count(40, 2);

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void countyOf150StationsAnd100000Opinions() {
    TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
    try (TestStore s = TestStore.migrated(store, dir)) {
      Database db = s.database();
      long filling = System.nanoTime();
      LargeCounty.fill(db, SIZE, LocalDate.of(2026, 12, 5), 16);
      double filled = (System.nanoTime() - filling) / 1e9;
      if (store == TestDatabases.Store.POSTGRESQL) {
        db.useHandle(h -> h.execute("ANALYZE"));
      }
      HandlingResults results = new HandlingResults(db, clock);
      ReportingPeriod last12 = ReportingPeriod.last12Months(results.today());
      List<Long> count = new ArrayList<>();
      List<Long> station = new ArrayList<>();
      List<Long> county = new ArrayList<>();
      List<Long> byStation = new ArrayList<>();
      for (int round = 0; round <= ROUNDS; round++) {
        String id = LargeCounty.station(round % SIZE.stations());
        long t0 = System.nanoTime();
        LargeCounty.countCases(db);
        long t1 = System.nanoTime();
        results.forStation(id);
        long t2 = System.nanoTime();
        results.county(LargeCounty.COUNTY, last12);
        long t3 = System.nanoTime();
        results.byStation(LargeCounty.COUNTY, last12);
        long t4 = System.nanoTime();
        if (round > 0) {
          count.add(t1 - t0);
          station.add(t2 - t1);
          county.add(t3 - t2);
          byStation.add(t4 - t3);
        }
      }
      String report =
          Benchmarks.table(
                  "handling figures on " + store + ": " + LargeCounty.describe(SIZE, ROUNDS),
                  List.of(
                      new Benchmarks.Series("SELECT count(*) FROM opinion_case", nanos(count)),
                      new Benchmarks.Series(
                          "a station's month, year and 12 months", nanos(station)),
                      new Benchmarks.Series("the county's last 12 months", nanos(county)),
                      new Benchmarks.Series(
                          "the county's 12 months per station", nanos(byStation))))
              + String.format("generated and written in %.1f s%n", filled);
      Benchmarks.record(
          "handling-results-" + store.name().toLowerCase(java.util.Locale.ROOT), report);
    }
  }

  private static long[] nanos(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
