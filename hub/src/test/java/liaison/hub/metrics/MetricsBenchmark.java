package liaison.hub.metrics;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liaison.hub.LargeCounty;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * What a Prometheus scrape costs on a county of 150 stations and 100,000 opinions ({@link
 * LargeCounty}), on each store, with the cache off so that every scrape counts: the count of the
 * database's figures alone ({@link OperatorFigures}), and {@code GET /metrics} over HTTP, beside a
 * bare {@code count(*)} of the cases. With the cache on (15 s), Prometheus servers scraping more
 * often than that pay only the text.
 */
@OnBothStores
class MetricsBenchmark {
  private static final LargeCounty.Size SIZE =
      Benchmarks.choose(LargeCounty.Size.COUNTY_OF_150, new LargeCounty.Size(2, 3, 300));
  private static final int ROUNDS = Benchmarks.count(20, 2);
  private static final String TOKEN = "benchmark";

  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  @Test
  void aScrapeOfACountyOf150Stations() throws Exception {
    try (RunningHub hub =
        RunningHub.start(
            dir, store, Map.of("hub.metrics.token", TOKEN, "hub.metrics.cache", "0s"))) {
      Database db = hub.bean(Database.class);
      LocalDate today = LocalDate.now(hub.bean(Clock.class).withZone(Sql.ZONE));
      long filling = System.nanoTime();
      LargeCounty.fill(db, SIZE, today, 16);
      double filled = (System.nanoTime() - filling) / 1e9;
      if (store == TestDatabases.Store.POSTGRESQL) {
        db.useHandle(h -> h.execute("ANALYZE"));
      }
      OperatorFigures figures = hub.bean(OperatorFigures.class);
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest scrape =
          HttpRequest.newBuilder(hub.url("/metrics"))
              .header("Authorization", "Bearer " + TOKEN)
              .build();
      long[] count = new long[ROUNDS];
      long[] counted = new long[ROUNDS];
      long[] page = new long[ROUNDS];
      int size = 0;
      for (int round = 0; round <= ROUNDS; round++) {
        long t0 = System.nanoTime();
        LargeCounty.countCases(db);
        long t1 = System.nanoTime();
        figures.current();
        long t2 = System.nanoTime();
        HttpResponse<String> answer = http.send(scrape, HttpResponse.BodyHandlers.ofString());
        long t3 = System.nanoTime();
        if (answer.statusCode() != 200) {
          throw new IllegalStateException("/metrics answered " + answer.statusCode());
        }
        size = answer.body().length();
        if (round > 0) {
          count[round - 1] = t1 - t0;
          counted[round - 1] = t2 - t1;
          page[round - 1] = t3 - t2;
        }
      }
      String report =
          Benchmarks.table(
                  "a metrics scrape on " + store + ": " + LargeCounty.describe(SIZE, ROUNDS),
                  List.of(
                      new Benchmarks.Series("SELECT count(*) FROM opinion_case", count),
                      new Benchmarks.Series("the database's figures counted", counted),
                      new Benchmarks.Series("GET /metrics, counting", page)))
              + String.format(
                  "the exposition: %d characters; the county generated and written in %.1f s%n",
                  size, filled);
      Benchmarks.record("metrics-" + store.name().toLowerCase(Locale.ROOT), report);
    }
  }
}
