package liaison.hub.opinion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The hub's schema in a SQLite file of its own, with one station, for tests of the case model that
 * need no server.
 */
final class CaseDatabase {
  static final String STATION = "s-test";

  final Database jdbi;
  final CaseRepository repository;
  final Cases cases;
  private final Clock clock;

  CaseDatabase(Path dir, Clock clock) {
    String url =
        "jdbc:sqlite:"
            + dir.resolve("cases.db")
            + "?foreign_keys=true&busy_timeout=10000&journal_mode=WAL&synchronous=OFF";
    Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").load().migrate();
    this.jdbi = new Database(Jdbi.create(url), true, java.time.Duration.ofSeconds(10));
    this.clock = clock;
    this.repository = new CaseRepository(jdbi);
    this.cases = new Cases(jdbi, repository, clock);
    String now = Sql.instant(OffsetDateTime.now(clock));
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-test', '测试县')");
          h.execute(
              "INSERT INTO township (id, county_id, name) VALUES ('t-test', 'c-test', '测试镇')");
          h.execute(
              "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                  + " VALUES (?, 't-test', '测试站', 'WORKSTATION', 'tok-test', ?, ?)",
              STATION,
              now,
              now);
        });
  }

  /**
   * A new submitted case with its 'submit' line in the timeline, as the residents' form makes it.
   */
  OpinionCase submitted(String text) {
    OffsetDateTime now = OffsetDateTime.now(clock).withNano(0);
    OpinionCase c =
        new OpinionCase(
            liaison.hub.db.Ids.next("case"),
            TrackingCodes.next(),
            STATION,
            null,
            Category.OTHER,
            text,
            CaseStatus.SUBMITTED,
            "",
            null,
            null,
            null,
            null,
            null,
            now,
            now,
            null,
            null,
            null,
            false,
            false,
            null,
            "",
            null);
    jdbi.useTransaction(
        h -> {
          repository.insert(h, c);
          cases.record(h, c.id(), CaseEvent.RESIDENT, "submit", "");
        });
    return repository.find(c.id()).orElseThrow();
  }
}
