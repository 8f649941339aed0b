package liaison.hub;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Random;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * A generated county for benchmarks: stations in townships, departments, and residents' opinions
 * spread over the last two years with the mix a working county has (most closed and rated, some
 * open, forwarded or overdue, a few merged, reopened or closed with guidance). Written straight
 * into the hub's tables in batches, the same rows on SQLite and PostgreSQL for the same seed. Other
 * benchmarks (the dashboard's, the public pages') can fill their store with it.
 */
public final class LargeCounty {
  public static final String COUNTY = "c-large";

  /** How big: the county is 150 stations in 10 townships with 100,000 opinions. */
  public record Size(int townships, int stations, int cases) {
    public static final Size COUNTY_OF_150 = new Size(10, 150, 100_000);
  }

  private static final String[] STATUSES = {
    "SUBMITTED",
    "REGISTERED",
    "FORWARDED",
    "DEPARTMENT_REPLIED",
    "ANSWERED",
    "CLOSED",
    "CLOSED_WITH_GUIDANCE",
    "MERGED",
    "REOPENED"
  };

  /** Out of 100, in the order of {@link #STATUSES}. */
  private static final int[] WEIGHTS = {3, 4, 8, 5, 15, 55, 3, 3, 4};

  private static final String[] CATEGORIES = {
    "URBAN_RURAL",
    "TRANSPORT",
    "EDUCATION",
    "HEALTH",
    "ELDERLY_CARE",
    "SOCIAL_SECURITY",
    "ENVIRONMENT",
    "EMPLOYMENT",
    "SAFETY",
    "OTHER"
  };

  private LargeCounty() {}

  /** The benchmarks' baseline: a bare count of the table the figures read. */
  public static long countCases(Database db) {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM opinion_case").mapTo(Long.class).one());
  }

  /** The county's size and the rounds measured, for a benchmark's title. */
  public static String describe(Size size, int rounds) {
    return size.stations()
        + " stations, "
        + size.cases()
        + " opinions over two years, "
        + rounds
        + " rounds";
  }

  /** Station {@code i}'s id, 0-based. */
  public static String station(int i) {
    return "s-l%03d".formatted(i);
  }

  /** Fills the county into an empty, migrated store; today is the last day opinions arrive. */
  public static void fill(Database db, Size size, LocalDate today, long seed) {
    Random random = new Random(seed);
    String now = Sql.instant(today.atTime(LocalTime.NOON).atZone(Sql.ZONE).toOffsetDateTime());
    db.useTransaction(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES (?, '基准县')", COUNTY);
          for (int t = 0; t < size.townships(); t++) {
            h.execute(
                "INSERT INTO township (id, county_id, name) VALUES (?, ?, ?)",
                "t-l" + t,
                COUNTY,
                "第" + (t + 1) + "镇");
          }
          for (int s = 0; s < size.stations(); s++) {
            h.execute(
                "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                    + " VALUES (?, ?, ?, 'WORKSTATION', ?, ?, ?)",
                station(s),
                "t-l" + (s % size.townships()),
                "第" + (s + 1) + "联络站",
                "tok-l" + s,
                now,
                now);
          }
          for (int d = 0; d < 20; d++) {
            h.execute(
                "INSERT INTO department (id, county_id, name, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                "d-l" + d,
                COUNTY,
                "县第" + (d + 1) + "局",
                now,
                now);
          }
        });
    int batchSize = 2_000;
    for (int from = 0; from < size.cases(); from += batchSize) {
      int to = Math.min(size.cases(), from + batchSize);
      int first = from;
      db.useTransaction(
          h -> {
            PreparedBatch batch =
                h.prepareBatch(
                    """
                    INSERT INTO opinion_case (id, tracking_code, station_id, category, text, status,
                      summary, department_id, deadline, answer, submitted_at, updated_at, closed_at,
                      merged_into, suggestion, contact_to_department, rating, rating_comment,
                      rated_at, answered_at)
                    VALUES (:id, :code, :station, :category, :text, :status, '', :department,
                      :deadline, :answer, :submitted, :submitted, :closed, :merged, FALSE, FALSE,
                      :rating, '', :rated, :answered)
                    """);
            for (int i = first; i < to; i++) {
              String status = pick(random);
              OffsetDateTime submitted =
                  today
                      .minusDays(random.nextInt(730))
                      .atTime(8 + random.nextInt(10), random.nextInt(60))
                      .atZone(Sql.ZONE)
                      .toOffsetDateTime();
              boolean answered =
                  status.equals("ANSWERED") || status.equals("CLOSED") || status.equals("REOPENED");
              boolean forwarded =
                  status.equals("FORWARDED")
                      || status.equals("DEPARTMENT_REPLIED")
                      || answered && random.nextInt(10) < 7;
              OffsetDateTime answeredAt =
                  answered ? submitted.plusDays(1 + random.nextInt(25)) : null;
              String rating =
                  status.equals("REOPENED")
                      ? "DISSATISFIED"
                      : status.equals("CLOSED") && random.nextInt(10) < 8
                          ? random.nextInt(100) < 70
                              ? "SATISFIED"
                              : random.nextInt(100) < 75 ? "BASICALLY_SATISFIED" : "DISSATISFIED"
                          : null;
              boolean closed =
                  status.equals("CLOSED")
                      || status.equals("CLOSED_WITH_GUIDANCE")
                      || status.equals("MERGED");
              batch
                  .bind("id", "case-l" + i)
                  .bind("code", "L%011d".formatted(i))
                  .bind("station", station(random.nextInt(size.stations())))
                  .bind("category", CATEGORIES[random.nextInt(CATEGORIES.length)])
                  .bind("text", "第" + i + "条意见")
                  .bind("status", status)
                  .bind("department", forwarded ? "d-l" + random.nextInt(20) : null)
                  .bind(
                      "deadline", forwarded ? Sql.date(submitted.toLocalDate().plusDays(15)) : null)
                  .bind("answer", answered ? "已答复" : null)
                  .bind("submitted", Sql.instant(submitted))
                  .bind("closed", closed ? Sql.instant(submitted.plusDays(30)) : null)
                  .bind("merged", status.equals("MERGED") && i > 0 ? "case-l" + (i - 1) : null)
                  .bind("rating", rating)
                  .bind("rated", rating == null ? null : Sql.instant(submitted.plusDays(28)))
                  .bind("answered", answeredAt == null ? null : Sql.instant(answeredAt))
                  .add();
            }
            batch.execute();
          });
    }
  }

  /**
   * Adds what the dashboard's reception figures count (kept small beside the opinions): two
   * deputies per station, a reception every second week at each station over the year before today,
   * both deputies on duty, most signed in and most of the ledgers with a visitors' count.
   */
  public static void receptions(Database db, Size size, LocalDate today, long seed) {
    Random random = new Random(seed);
    String now = Sql.instant(today.atTime(LocalTime.NOON).atZone(Sql.ZONE).toOffsetDateTime());
    db.useTransaction(
        h -> {
          PreparedBatch deputies =
              h.prepareBatch(
                  "INSERT INTO deputy (id, name, county_id, created_at, updated_at)"
                      + " VALUES (:id, :name, :county, :now, :now)");
          for (int d = 0; d < 2 * size.stations(); d++) {
            deputies
                .bind("id", "dep-l" + d)
                .bind("name", "代表" + d)
                .bind("county", COUNTY)
                .bind("now", now)
                .add();
          }
          deputies.execute();
          PreparedBatch slots =
              h.prepareBatch(
                  "INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time,"
                      + " status, visitors, created_at, updated_at) VALUES (:id, :station, :date,"
                      + " '09:00', '11:00', 'HELD', :visitors, :now, :now)");
          PreparedBatch onDuty =
              h.prepareBatch(
                  "INSERT INTO reception_deputy (slot_id, deputy_id, position)"
                      + " VALUES (:slot, :deputy, :position)");
          PreparedBatch signedIn =
              h.prepareBatch(
                  "INSERT INTO reception_attendance (slot_id, deputy_id, marked_at, marked_by)"
                      + " VALUES (:slot, :deputy, :now, 'staff-l')");
          for (int s = 0; s < size.stations(); s++) {
            for (int week = 0; week < 52; week += 2) {
              String slot = "slot-l" + s + "-" + week;
              slots
                  .bind("id", slot)
                  .bind("station", station(s))
                  .bind("date", Sql.date(today.minusWeeks(week).minusDays(s % 7)))
                  .bind("visitors", random.nextInt(10) < 7 ? (Integer) random.nextInt(30) : null)
                  .bind("now", now)
                  .add();
              for (int position = 0; position < 2; position++) {
                String deputy = "dep-l" + (2 * s + position);
                onDuty.bind("slot", slot).bind("deputy", deputy).bind("position", position).add();
                if (random.nextInt(10) < 8) {
                  signedIn.bind("slot", slot).bind("deputy", deputy).bind("now", now).add();
                }
              }
            }
          }
          slots.execute();
          onDuty.execute();
          signedIn.execute();
        });
  }

  private static String pick(Random random) {
    int n = random.nextInt(100);
    for (int i = 0; i < WEIGHTS.length; i++) {
      n -= WEIGHTS[i];
      if (n < 0) {
        return STATUSES[i];
      }
    }
    return "CLOSED";
  }
}
