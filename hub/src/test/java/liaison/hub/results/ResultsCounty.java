package liaison.hub.results;

import io.micronaut.context.event.ApplicationEventPublisher;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Cases;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Ratings;
import liaison.hub.opinion.TrackingCodes;
import liaison.hub.station.Access;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.testkit.TestClock;
import org.jspecify.annotations.Nullable;

/**
 * Two counties on a store of the hub's schema, for the results tests: county c-1 with stations s-a
 * (township t-1) and s-b (t-2), county c-2 with s-x; cases moved through the loop by the hub's own
 * {@link Cases} and {@link Ratings} at days the test's clock is set to.
 */
final class ResultsCounty implements AutoCloseable {
  final TestClock clock = TestClock.at("2026-03-20T10:00:00+08:00");
  final TestStore store;
  final Database db;
  final CaseRepository repository;
  final Cases cases;
  final Ratings ratings;
  final List<StationsChanged> announced = new ArrayList<>();
  final ApplicationEventPublisher<StationsChanged> publisher = announced::add;

  ResultsCounty(TestDatabases.Store which, Path dir) {
    store = TestStore.migrated(which, dir);
    db = store.database();
    repository = new CaseRepository(db);
    cases = new Cases(db, repository, clock);
    ratings = new Ratings(db, repository, cases, clock, publisher);
    String now = Sql.instant(OffsetDateTime.now(clock));
    db.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-1', '一县'), ('c-2', '二县')");
          h.execute(
              "INSERT INTO township (id, county_id, name) VALUES ('t-1', 'c-1', '城关镇'),"
                  + " ('t-2', 'c-1', '河西乡'), ('t-9', 'c-2', '远山镇')");
          for (String[] s :
              new String[][] {
                {"s-a", "t-1", "城关站"}, {"s-b", "t-2", "河西站"}, {"s-x", "t-9", "远山站"}
              }) {
            h.execute(
                "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'WORKSTATION', ?, ?, ?)",
                s[0],
                s[1],
                s[2],
                "tok-" + s[0],
                now,
                now);
          }
          h.execute(
              "INSERT INTO department (id, county_id, name, created_at, updated_at)"
                  + " VALUES ('d-roads', 'c-1', '县交通运输局', ?, ?)",
              now,
              now);
        });
  }

  StationRepository stations() {
    return new StationRepository(db, clock);
  }

  PublishedSummaries summaries() {
    return new PublishedSummaries(
        db, stations(), new Access(stations()), new AuditLog(db, clock), clock, publisher);
  }

  void at(String isoWithOffset) {
    clock.set(Instant.from(OffsetDateTime.parse(isoWithOffset)));
  }

  /** A case sent at that time, as the residents' form makes it. */
  OpinionCase sent(String station, String at, String text) {
    at(at);
    OffsetDateTime now = OffsetDateTime.now(clock);
    OpinionCase c =
        new OpinionCase(
            Ids.next("case"),
            TrackingCodes.next(),
            station,
            null,
            Category.TRANSPORT,
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
    db.useTransaction(
        h -> {
          repository.insert(h, c);
          cases.record(h, c.id(), CaseEvent.RESIDENT, "submit", "");
        });
    return c;
  }

  void step(OpinionCase c, CaseStatus to, String at) {
    at(at);
    cases.transition(c.id(), to, "staff", "");
  }

  /** Registered and forwarded to the roads department with this deadline, at that time. */
  void forwarded(OpinionCase c, String at, String deadline) {
    step(c, CaseStatus.REGISTERED, at);
    db.useTransaction(
        h -> {
          cases.transition(h, c.id(), CaseStatus.FORWARDED, "staff", "");
          h.execute(
              "UPDATE opinion_case SET department_id = 'd-roads', deadline = ? WHERE id = ?",
              deadline,
              c.id());
        });
  }

  void answered(OpinionCase c, String at) {
    at(at);
    db.useTransaction(
        h -> {
          cases.transition(h, c.id(), CaseStatus.ANSWERED, "staff", "");
          h.execute("UPDATE opinion_case SET answer = '已答复' WHERE id = ?", c.id());
        });
  }

  void rated(OpinionCase c, String rating, String at) {
    at(at);
    ratings.rate(c.trackingCode(), rating, "");
  }

  void merged(OpinionCase c, OpinionCase into, String at) {
    at(at);
    db.useTransaction(
        h -> {
          cases.transition(h, c.id(), CaseStatus.MERGED, "staff", "");
          h.execute("UPDATE opinion_case SET merged_into = ? WHERE id = ?", into.id(), c.id());
        });
  }

  /** Published as staff do when answering with 公开 ticked. */
  void published(OpinionCase c, String text, String at) {
    at(at);
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO published_summary (case_id, station_id, text, published_at, published_by)"
                    + " VALUES (?, ?, ?, ?, 'staff')",
                c.id(),
                c.stationId(),
                text,
                Sql.instant(OffsetDateTime.now(clock))));
  }

  @Nullable OpinionCase find(String id) {
    return repository.find(id).orElse(null);
  }

  @Override
  public void close() {
    store.close();
  }
}
