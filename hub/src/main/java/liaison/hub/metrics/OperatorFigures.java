package liaison.hub.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import liaison.hub.config.MetricsConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Leases;
import liaison.hub.db.PoolActivity;
import liaison.hub.db.Sql;
import liaison.hub.fleet.FleetOverview;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gauges counted in the database: stations enrolled, online and behind on content per county,
 * the oldest publish a station has not shown yet, opinions today, cases overdue, the outbox, and
 * who holds each lease. They are counted when a scrape finds them older than {@code
 * hub.metrics.cache}, never on a request's path, so several Prometheus servers scraping every 15 s
 * cost one set of queries; what the last count cost is itself a gauge. The pool's figures are read
 * from the pool at each scrape (no query).
 */
@Singleton
public class OperatorFigures {
  private static final Logger LOG = LoggerFactory.getLogger(OperatorFigures.class);

  /**
   * One count.
   *
   * @param enrolled stations holding a credential, by county id
   * @param online stations online now as the fleet page says, by county id
   * @param behind stations that have been seen and show an older version than published, by county
   *     id
   * @param oldestUnshown seconds since the oldest publish one of those stations has not shown
   * @param leases 1 per lease and the hub holding it (0 once expired)
   * @param cost how long this count took
   */
  record Counted(
      Map<String, Long> enrolled,
      Map<String, Long> online,
      Map<String, Long> behind,
      double oldestUnshown,
      long opinionsToday,
      long casesOverdue,
      long outboxPending,
      long outboxGivenUp,
      Map<Tags, Integer> leases,
      Duration cost) {
    static final Counted NONE =
        new Counted(Map.of(), Map.of(), Map.of(), 0, 0, 0, 0, 0, Map.of(), Duration.ZERO);
  }

  private final FleetOverview fleet;
  private final StationRepository stations;
  private final PublicationRepository publications;
  private final Database database;
  private final Leases leases;
  private final Clock clock;
  private final long cacheNanos;
  private final MultiGauge enrolled;
  private final MultiGauge online;
  private final MultiGauge behind;
  private final MultiGauge leaseHeld;
  private volatile Counted counted = Counted.NONE;
  private volatile long countedAtNanos;
  private volatile boolean everCounted;

  public OperatorFigures(
      FleetOverview fleet,
      StationRepository stations,
      PublicationRepository publications,
      Database database,
      Leases leases,
      PoolActivity pool,
      MetricsConfig config,
      MeterRegistry meters,
      Clock clock) {
    this.fleet = fleet;
    this.stations = stations;
    this.publications = publications;
    this.database = database;
    this.leases = leases;
    this.clock = clock;
    this.cacheNanos = config.cache().toNanos();
    this.enrolled = multi(meters, "liaison.stations.enrolled", "Stations holding a credential");
    this.online = multi(meters, "liaison.stations.online", "Stations online now");
    this.behind =
        multi(
            meters,
            "liaison.stations.behind",
            "Stations seen that show an older content version than the one published to them");
    this.leaseHeld =
        multi(meters, "liaison.lease.held", "1 while the hub named holds the lease named");
    gauge(
        meters,
        "liaison.content.unshown.age.seconds",
        "Seconds since the oldest publish a station has not shown yet (0: every station shows its"
            + " latest)",
        Counted::oldestUnshown);
    gauge(
        meters,
        "liaison.opinions.today",
        "Opinions submitted today (Beijing time)",
        Counted::opinionsToday);
    gauge(
        meters,
        "liaison.cases.overdue",
        "Cases forwarded to a department and past their deadline",
        Counted::casesOverdue);
    gauge(
        meters,
        "liaison.outbox.pending",
        "Notifications waiting to be sent",
        Counted::outboxPending);
    gauge(
        meters,
        "liaison.outbox.given.up",
        "Notifications the hub stopped trying to send",
        Counted::outboxGivenUp);
    gauge(
        meters,
        "liaison.metrics.count.seconds",
        "What the last count of these figures in the database took",
        c -> c.cost().toNanos() / 1e9);
    poolGauge(meters, pool, "in.use", "Database connections lent out now", PoolActivity::inUse);
    poolGauge(
        meters,
        pool,
        "waiting",
        "Requests waiting for a database connection now",
        PoolActivity::waiting);
    poolGauge(meters, pool, "max", "Database connections the pool may hold", PoolActivity::size);
    Gauge.builder("liaison.db.writers.waiting", database, Database::waitingWriters)
        .description("Writers waiting for their turn (SQLite writes one at a time)")
        .register(meters);
  }

  private static void poolGauge(
      MeterRegistry meters,
      PoolActivity pool,
      String figure,
      String description,
      ToDoubleFunction<PoolActivity> value) {
    Gauge.builder("liaison.db.connections." + figure, pool, value)
        .description(description)
        .register(meters);
  }

  private static MultiGauge multi(MeterRegistry meters, String name, String description) {
    return MultiGauge.builder(name).description(description).register(meters);
  }

  private void gauge(
      MeterRegistry meters, String name, String description, ToDoubleFunction<Counted> value) {
    Gauge.builder(name, this, f -> value.applyAsDouble(f.counted))
        .description(description)
        .register(meters);
  }

  /** The figures as last counted, counted again first when older than the cache allows. */
  public Counted current() {
    if (!stale()) {
      return counted;
    }
    synchronized (this) {
      // Scrapes that came together: the first counts, the others take its figures.
      if (stale()) {
        long started = System.nanoTime();
        Counted fresh = count(started);
        counted = fresh;
        countedAtNanos = System.nanoTime();
        everCounted = true;
        enrolled.register(rows(fresh.enrolled()), true);
        online.register(rows(fresh.online()), true);
        behind.register(rows(fresh.behind()), true);
        List<MultiGauge.Row<?>> held = new ArrayList<>();
        fresh.leases().forEach((tags, value) -> held.add(MultiGauge.Row.of(tags, value)));
        leaseHeld.register(held, true);
        LOG.debug("operator figures counted in {} ms", fresh.cost().toMillis());
      }
      return counted;
    }
  }

  private boolean stale() {
    return !everCounted || System.nanoTime() - countedAtNanos >= cacheNanos;
  }

  private static List<MultiGauge.Row<?>> rows(Map<String, Long> byCounty) {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    byCounty.forEach(
        (county, value) -> rows.add(MultiGauge.Row.of(Tags.of("county", county), value)));
    return rows;
  }

  private Counted count(long started) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<StationPlace> places = stations.all();
    Map<String, String> countyOf = new TreeMap<>();
    Map<String, Long> enrolledBy = new TreeMap<>();
    Map<String, Long> onlineBy = new TreeMap<>();
    Map<String, Long> behindBy = new TreeMap<>();
    for (StationPlace place : places) {
      countyOf.put(place.id(), place.countyId());
      // Every county is a row, at 0 too: an alert on "fewer than" needs the zero to be there.
      enrolledBy.put(place.countyId(), 0L);
      onlineBy.put(place.countyId(), 0L);
      behindBy.put(place.countyId(), 0L);
    }
    for (String stationId : credentialed()) {
      String county = countyOf.get(stationId);
      if (county != null) {
        enrolledBy.merge(county, 1L, Long::sum);
      }
    }
    double oldest = 0;
    for (FleetOverview.Row row : fleet.rows(places)) {
      String county = row.place().countyId();
      if (row.status() == FleetOverview.Status.ONLINE) {
        onlineBy.merge(county, 1L, Long::sum);
      }
      if (row.status() != FleetOverview.Status.NEVER_SEEN && row.lag() > 0) {
        behindBy.merge(county, 1L, Long::sum);
        double age =
            publications
                .current(row.place().id())
                .map(p -> Duration.between(p.publishedAt(), now).toMillis() / 1000.0)
                .orElse(0.0);
        oldest = Math.max(oldest, age);
      }
    }
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    String from = Sql.instant(today.atStartOfDay(Sql.ZONE).toOffsetDateTime());
    String until = Sql.instant(today.plusDays(1).atStartOfDay(Sql.ZONE).toOffsetDateTime());
    long opinionsToday =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM opinion_case WHERE submitted_at >= :from"
                            + " AND submitted_at < :until")
                    .bind("from", from)
                    .bind("until", until)
                    .mapTo(Long.class)
                    .one());
    long overdue =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM opinion_case WHERE status = 'FORWARDED'"
                            + " AND deadline < :today")
                    .bind("today", Sql.date(today))
                    .mapTo(Long.class)
                    .one());
    Map<String, Long> outbox = new TreeMap<>();
    database.useHandle(
        h ->
            h.createQuery("SELECT status, count(*) AS n FROM notification GROUP BY status")
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(e -> outbox.put(e.getKey(), e.getValue())));
    Map<Tags, Integer> held = new TreeMap<>(java.util.Comparator.comparing(Tags::toString));
    for (Leases.Lease lease : leases.all()) {
      held.put(
          Tags.of("lease", lease.name(), "hub", hubOf(lease.holder())),
          lease.expired(now.toInstant()) ? 0 : 1);
    }
    return new Counted(
        enrolledBy,
        onlineBy,
        behindBy,
        oldest,
        opinionsToday,
        overdue,
        outbox.getOrDefault("PENDING", 0L),
        outbox.getOrDefault("GIVEN_UP", 0L),
        held,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The hub's name in a holder ({@code liaison-hub-a/4711@host/9f2c1e}): its MQTT client id, the
   * same across restarts, so the label stays one per hub.
   */
  static String hubOf(String holder) {
    int slash = holder.indexOf('/');
    return slash < 0 ? holder : holder.substring(0, slash);
  }

  private List<String> credentialed() {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT station_id FROM station_credential WHERE revoked_at IS NULL"
                        + " ORDER BY station_id")
                .mapTo(String.class)
                .list());
  }
}
