package liaison.hub.security;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import liaison.hub.db.Database;
import liaison.hub.db.Dialect;
import liaison.hub.db.Leased;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits counted in the database ({@code throttle_key}, {@code throttle_hit}), so every hub of
 * a county counts the same tries: log-ins per account and per address, the residents' forms, the
 * tracking look-ups, the screens' enrolment requests and wrong codes. The answers are those of the
 * in-memory {@link RateLimiter} they replace (a sliding window of the counted events' times).
 *
 * <p>Counting is exact whichever hub a request lands on: a try first locks its key's row (an
 * upsert, which PostgreSQL holds until the commit and SQLite's single writer makes moot), then
 * counts and adds its event in the same transaction. What is kept stays bounded: at most {@code
 * limit} events per key inside the window, keys beyond a limit's {@code maxKeys} forgotten stalest
 * first, and once a minute one hub (the lease {@code throttle-prune}) deletes what has left every
 * window.
 */
@Singleton
public class Throttles {
  private static final Logger LOG = LoggerFactory.getLogger(Throttles.class);

  private final Database database;
  private final Dialect dialect;
  private final Clock clock;
  private final Map<String, Duration> windows = new ConcurrentHashMap<>();

  public Throttles(Database database, Dialect dialect, Clock clock) {
    this.database = database;
    this.dialect = dialect;
    this.clock = clock;
  }

  /**
   * A limit counted in the database, which can also count inside a transaction the caller holds: a
   * request's limits and its own writes then cost one commit (one sync on SQLite) instead of one
   * each.
   */
  public interface Shared extends Throttle {
    /**
     * As {@link #tryAcquire(String)}, in the caller's transaction {@code h}: the event counts when
     * that transaction commits, and the key's row stays locked until then (PostgreSQL), so the
     * count stays exact across hubs.
     */
    Optional<Duration> tryAcquire(Handle h, String key);
  }

  /** One try to count: a limit and the key it counts ({@code opinion.address}, an address). */
  public record Try(Shared limit, String key) {}

  /**
   * Counts every try in the caller's transaction {@code h}, as {@link Shared#tryAcquire(Handle,
   * String)} one after the other would: the wait of the first try over its limit, and then nothing
   * is counted; empty when every try was counted.
   *
   * <p>On PostgreSQL, where each statement is a round trip to the server, this takes two statements
   * whatever the number of tries (one by one: five each). One upsert locks every key's row in the
   * order given (the order tries one by one take them in, so no deadlock with those), then one
   * statement, whose snapshot is taken after the locks are held, so that it sees every try another
   * hub committed for these keys, counts each key's tries in its window, forgets older ones, and
   * adds this try to each key when no key is at its limit. Limits keeping a bounded number of keys,
   * and SQLite (a call into the library, not a round trip), count one by one.
   */
  public Optional<Duration> tryAcquire(Handle h, List<Try> tries) {
    if (!together(tries)) {
      return oneByOne(h, tries);
    }
    Counting counting = counting(tries);
    counting.lock(h).execute();
    return counting.firstWait(counting.count(h).map((rs, ctx) -> Counting.waitIn(rs)).list());
  }

  /**
   * Counts every try as {@link #tryAcquire(Handle, List)} does, in a transaction of its own whose
   * commit waits for no flush ({@link Database#inTransactionWithoutFlush}): exact across hubs while
   * it runs, lost only if the server itself crashes in the next moment.
   *
   * <p>On PostgreSQL, when the tries can be counted together, the whole transaction is one round
   * trip: its beginning, the setting, the upsert that locks the keys, the count and the commit are
   * sent in one go and run one after the other (each statement its own snapshot, so the count sees
   * every try committed by a transaction the upsert waited for). The keys' rows are then locked
   * only while the server runs the count and the commit, not across round trips to this hub: on a
   * busy machine each round trip to a server process waiting for a core cost 2–6 ms, and every try
   * through the same key waits that long for the one before it.
   */
  public Optional<Duration> tryAcquireApart(List<Try> tries) {
    if (!together(tries)) {
      // Rolled back when refused, so that a try refused by a later key counts for no earlier one.
      try {
        return database.inTransactionWithoutFlush(
            h -> {
              Optional<Duration> wait = tryAcquire(h, tries);
              if (wait.isPresent()) {
                throw new RefusedTry(wait.get());
              }
              return wait;
            });
      } catch (RefusedTry refused) {
        return Optional.of(refused.wait);
      }
    }
    Counting counting = counting(tries);
    return database.withHandle(
        h -> {
          try {
            return counting.firstWait(
                counting
                    .inOneGo(h)
                    .execute(
                        (statement, ctx) -> {
                          PreparedStatement st = statement.get();
                          // BEGIN, SET, the upsert: no rows; then the count's.
                          while (!st.getMoreResults() && st.getUpdateCount() != -1) {
                            // Past an update count, to the next result.
                          }
                          ResultSet rs = st.getResultSet();
                          if (rs == null) {
                            throw new IllegalStateException("the limits' count returned no rows");
                          }
                          List<Long> waits = new java.util.ArrayList<>();
                          while (rs.next()) {
                            waits.add(Counting.waitIn(rs));
                          }
                          return waits;
                        }));
          } catch (RuntimeException e) {
            // A statement failed (a lock timeout, a deadlock): the server skipped the rest, the
            // commit too, and holds the transaction open, failed, until it is rolled back.
            try (java.sql.Statement rollback = h.getConnection().createStatement()) {
              rollback.execute("ROLLBACK");
            } catch (java.sql.SQLException | RuntimeException alsoFailed) {
              e.addSuppressed(alsoFailed);
            }
            throw e;
          }
        });
  }

  /** Rolls back the transaction of a refused try. */
  private static final class RefusedTry extends RuntimeException {
    private final Duration wait;

    RefusedTry(Duration wait) {
      super("refused for " + wait, null, false, false);
      this.wait = wait;
    }
  }

  /** The tries counted one by one, the first over its limit stopping the rest. */
  private static Optional<Duration> oneByOne(Handle h, List<Try> tries) {
    for (Try t : tries) {
      Optional<Duration> wait = t.limit().tryAcquire(h, t.key());
      if (wait.isPresent()) {
        return wait;
      }
    }
    return Optional.empty();
  }

  /** The two statements that count tries together, bound ({@link #tryAcquire(Handle, List)}). */
  private Counting counting(List<Try> tries) {
    long now = clock.millis();
    StringBuilder keys = new StringBuilder();
    StringBuilder each = new StringBuilder();
    for (int i = 0; i < tries.size(); i++) {
      String comma = i == 0 ? "" : ", ";
      keys.append(comma).append("(:s%d, :k%d, :now)".formatted(i, i));
      each.append(comma)
          .append(
              "(%d, CAST(:s%d AS TEXT), CAST(:k%d AS TEXT), CAST(:h%d AS BIGINT), CAST(:l%d AS INTEGER))"
                  .formatted(i, i, i, i, i));
    }
    Map<String, Object> lockBinds = new HashMap<>();
    lockBinds.put("now", now);
    for (int i = 0; i < tries.size(); i++) {
      lockBinds.put("s" + i, ((InDatabase) tries.get(i).limit()).scope);
      lockBinds.put("k" + i, tries.get(i).key());
    }
    Map<String, Object> countBinds = new HashMap<>(lockBinds);
    for (int i = 0; i < tries.size(); i++) {
      InDatabase limit = (InDatabase) tries.get(i).limit();
      countBinds.put("h" + i, now - limit.window.toMillis());
      countBinds.put("l" + i, limit.limit);
    }
    return new Counting(
        "INSERT INTO throttle_key (scope, subject, last_at) VALUES "
            + keys
            + " ON CONFLICT (scope, subject) DO UPDATE SET last_at = EXCLUDED.last_at",
        lockBinds,
        "WITH k (ord, scope, subject, horizon, lim) AS (VALUES " + each + ")," + COUNT_ALL,
        countBinds);
  }

  /** The upsert that locks the keys' rows and the count after it, with their values. */
  private record Counting(
      String lock, Map<String, Object> lockBinds, String count, Map<String, Object> countBinds) {
    Update lock(Handle h) {
      return h.createUpdate(lock).bindMap(lockBinds);
    }

    Query count(Handle h) {
      return h.createQuery(count).bindMap(countBinds);
    }

    /** Both, their transaction's beginning, its setting and its commit as one statement. */
    Update inOneGo(Handle h) {
      String sql = "BEGIN; " + Database.WITHOUT_FLUSH + "; " + lock + "; " + count + "; COMMIT";
      return h.createUpdate(sql).bindMap(countBinds);
    }

    /** A key's row of the count: its wait in milliseconds when over its limit, -1 otherwise. */
    static long waitIn(ResultSet rs) throws java.sql.SQLException {
      return rs.getBoolean("over") ? rs.getLong("wait") : -1L;
    }

    /** The first key's wait over its limit; empty when every try was counted. */
    Optional<Duration> firstWait(List<Long> waits) {
      return waits.stream()
          .filter(ms -> ms >= 0)
          .findFirst()
          .map(ms -> Throttle.atLeastASecond(Duration.ofMillis(ms)));
    }
  }

  /**
   * After {@code k} (each try: its order, scope, key, window's horizon, limit): each key's tries in
   * its window, counted no further than its limit (the cost bounded by the limit, not by the tries
   * kept); older ones deleted; this try added to every key only when no key is at its limit. A wait
   * is the oldest try in the window leaving it. Each key's last_at was moved by the upsert that
   * locked it (a refused try's too: the key is then pruned a window later at most), so that each
   * key's row is written once a try, not twice.
   */
  private static final String COUNT_ALL =
      """
      counted AS (
        SELECT k.ord, k.scope, k.subject, k.horizon, k.lim, c.n, c.oldest
        FROM k CROSS JOIN LATERAL (
          SELECT COUNT(*) AS n, MIN(w.at) AS oldest FROM (
            SELECT t.at FROM throttle_hit t
            WHERE t.scope = k.scope AND t.subject = k.subject AND t.at > k.horizon
            ORDER BY t.at LIMIT k.lim) w) c),
      gone AS (
        DELETE FROM throttle_hit t USING k
        WHERE t.scope = k.scope AND t.subject = k.subject AND t.at <= k.horizon),
      added AS (
        INSERT INTO throttle_hit (scope, subject, at)
        SELECT scope, subject, :now FROM counted
        WHERE NOT EXISTS (SELECT 1 FROM counted c WHERE c.n >= c.lim))
      SELECT n >= lim AS over, oldest - horizon AS wait FROM counted ORDER BY ord
      """;

  /** Whether the tries can be counted in two statements (PostgreSQL, see above). */
  private boolean together(List<Try> tries) {
    return dialect == Dialect.POSTGRESQL
        && tries.size() > 1
        && tries.stream()
            .allMatch(t -> t.limit() instanceof InDatabase d && d.maxKeys == Integer.MAX_VALUE)
        // One upsert may not touch the same row twice.
        && tries.stream()
                .map(t -> List.of(((InDatabase) t.limit()).scope, t.key()))
                .distinct()
                .count()
            == tries.size();
  }

  /** A limit every hub shares, named by {@code scope} ({@code login.account}). */
  public Shared shared(String scope, int limit, Duration window) {
    return shared(scope, limit, window, Integer.MAX_VALUE);
  }

  /** The same, remembering at most {@code maxKeys} keys (a stranger may invent addresses). */
  public Shared shared(String scope, int limit, Duration window, int maxKeys) {
    if (limit < 1 || window.isNegative() || window.isZero() || maxKeys < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs at least 1 event per positive window and room for a key, got "
              + limit
              + " per "
              + window
              + " for "
              + maxKeys
              + " keys");
    }
    Duration before = windows.putIfAbsent(scope, window);
    if (before != null && !before.equals(window)) {
      throw new IllegalStateException("two limits named " + scope);
    }
    return new InDatabase(scope, limit, window, maxKeys);
  }

  /** Deletes the events and keys that have left their limit's window. */
  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  @Leased("throttle-prune")
  void pruneOnSchedule() {
    int gone = prune();
    if (gone > 0) {
      LOG.debug("forgot {} counted tries that left their window", gone);
    }
  }

  /** Deletes what has left every window now; how many events went. */
  public int prune() {
    long now = clock.millis();
    int gone = 0;
    for (Map.Entry<String, Duration> scope : windows.entrySet()) {
      long horizon = now - scope.getValue().toMillis();
      gone +=
          database.inTransaction(
              h -> {
                int hits =
                    h.createUpdate(
                            "DELETE FROM throttle_hit WHERE scope = :scope AND at <= :horizon")
                        .bind("scope", scope.getKey())
                        .bind("horizon", horizon)
                        .execute();
                h.createUpdate(
                        """
                        DELETE FROM throttle_key WHERE scope = :scope AND last_at <= :horizon
                          AND NOT EXISTS (SELECT 1 FROM throttle_hit t
                                          WHERE t.scope = throttle_key.scope
                                            AND t.subject = throttle_key.subject)
                        """)
                    .bind("scope", scope.getKey())
                    .bind("horizon", horizon)
                    .execute();
                return hits;
              });
    }
    return gone;
  }

  private final class InDatabase implements Shared {
    private final String scope;
    private final int limit;
    private final Duration window;
    private final int maxKeys;

    InDatabase(String scope, int limit, Duration window, int maxKeys) {
      this.scope = scope;
      this.limit = limit;
      this.window = window;
      this.maxKeys = maxKeys;
    }

    @Override
    public Optional<Duration> tryAcquire(String key) {
      return database.inTransaction(h -> tryAcquire(h, key));
    }

    @Override
    public Optional<Duration> tryAcquire(Handle h, String key) {
      long now = clock.millis();
      long horizon = now - window.toMillis();
      if (maxKeys != Integer.MAX_VALUE && !known(h, key) && keys(h) >= maxKeys) {
        makeRoom(h, horizon);
      }
      // Locks the key's row until the commit (PostgreSQL), so two hubs counting the same key
      // take turns; a new key is made here.
      h.createUpdate(
              """
                    INSERT INTO throttle_key (scope, subject, last_at) VALUES (:scope, :key, :now)
                    ON CONFLICT (scope, subject) DO UPDATE SET last_at = throttle_key.last_at
                    """)
          .bind("scope", scope)
          .bind("key", key)
          .bind("now", now)
          .execute();
      h.createUpdate(
              "DELETE FROM throttle_hit WHERE scope = :scope AND subject = :key AND at <= :horizon")
          .bind("scope", scope)
          .bind("key", key)
          .bind("horizon", horizon)
          .execute();
      Optional<Duration> wait = wait(h, key, now, horizon);
      if (wait.isPresent()) {
        return wait;
      }
      h.createUpdate("INSERT INTO throttle_hit (scope, subject, at) VALUES (:scope, :key, :now)")
          .bind("scope", scope)
          .bind("key", key)
          .bind("now", now)
          .execute();
      h.createUpdate(
              "UPDATE throttle_key SET last_at = :now WHERE scope = :scope AND subject = :key")
          .bind("scope", scope)
          .bind("key", key)
          .bind("now", now)
          .execute();
      return Optional.empty();
    }

    @Override
    public Optional<Duration> blockedFor(String key) {
      long now = clock.millis();
      long horizon = now - window.toMillis();
      return database.withHandle(h -> wait(h, key, now, horizon));
    }

    @Override
    public int trackedKeys() {
      return database.withHandle(this::keys);
    }

    /** How long the key must wait when it is at its limit inside the window; empty otherwise. */
    private Optional<Duration> wait(Handle h, String key, long now, long horizon) {
      // Counts no further than the limit (the oldest tries first, in the index's order): whether
      // the key is at its limit, and its oldest try, cost the same however many tries it holds.
      Counted counted =
          h.createQuery(
                  "SELECT COUNT(*) AS n, MIN(at) AS oldest FROM (SELECT at FROM throttle_hit"
                      + " WHERE scope = :scope AND subject = :key AND at > :horizon"
                      + " ORDER BY at LIMIT :limit) AS counted")
              .bind("scope", scope)
              .bind("key", key)
              .bind("horizon", horizon)
              .bind("limit", limit)
              .map((rs, ctx) -> new Counted(rs.getInt("n"), rs.getLong("oldest")))
              .one();
      if (counted.n() < limit) {
        return Optional.empty();
      }
      return Optional.of(
          Throttle.atLeastASecond(Duration.ofMillis(counted.oldest() + window.toMillis() - now)));
    }

    private boolean known(Handle h, String key) {
      return h.createQuery(
                  "SELECT COUNT(*) FROM throttle_key WHERE scope = :scope AND subject = :key")
              .bind("scope", scope)
              .bind("key", key)
              .mapTo(Integer.class)
              .one()
          > 0;
    }

    private int keys(Handle h) {
      return h.createQuery("SELECT COUNT(*) FROM throttle_key WHERE scope = :scope")
          .bind("scope", scope)
          .mapTo(Integer.class)
          .one();
    }

    /**
     * Below {@code maxKeys}: first the keys with nothing left in the window, then the ones heard
     * from least recently.
     */
    private void makeRoom(Handle h, long horizon) {
      h.createUpdate("DELETE FROM throttle_hit WHERE scope = :scope AND at <= :horizon")
          .bind("scope", scope)
          .bind("horizon", horizon)
          .execute();
      h.createUpdate("DELETE FROM throttle_key WHERE scope = :scope AND last_at <= :horizon")
          .bind("scope", scope)
          .bind("horizon", horizon)
          .execute();
      int excess = keys(h) - maxKeys + 1;
      if (excess <= 0) {
        return;
      }
      List<String> stalest =
          h.createQuery(
                  "SELECT subject FROM throttle_key WHERE scope = :scope"
                      + " ORDER BY last_at, subject LIMIT :excess")
              .bind("scope", scope)
              .bind("excess", excess)
              .mapTo(String.class)
              .list();
      for (String table : List.of("throttle_hit", "throttle_key")) {
        h.createUpdate("DELETE FROM " + table + " WHERE scope = :scope AND subject IN (<keys>)")
            .bind("scope", scope)
            .bindList("keys", stalest)
            .execute();
      }
    }
  }

  private record Counted(int n, long oldest) {}
}
