package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.command.ScreenshotStore;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.notify.Notification;
import liaison.hub.notify.Outbox;
import liaison.hub.opinion.CaseContact;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.TrackingCodes;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route of the hub, as Micronaut's router lists it, tried as every kind of person against a
 * record of s-001 and one of s-002, over real HTTP on one hub with the demo county (plus a second
 * county with its own administrator). The expectation is the table below; a route the router has
 * and the table has not fails the test by name, so a new route cannot be added without deciding who
 * may use it.
 *
 * <p>Every status an operation of the API document answered must be one the document lists for it.
 *
 * <p>Requests are made harmless: changes carry bodies that the hub refuses as invalid (an allowed
 * request answers 422 or 409, a refused one 401, 403 or 404; so the hub must refuse before it looks
 * at the input), deletions are tried on records made for the purpose, or on records the hub keeps
 * for a reason (a station with receptions to come, a deputy on duty).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class AuthorisationMatrixTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private static final Pattern CSRF = Pattern.compile("[?&;]_csrf=([A-Za-z0-9_-]+)");
  private static final Pattern SESSION = Pattern.compile("liaison_session=([^;]+)");

  /** Who asks. */
  enum Who {
    ANONYMOUS(null, "s-001"),
    /** 青溪县's administrator (admin). */
    ADMIN("admin", "s-003"),
    /**
     * Manager of s-001 and s-003 (chengguan): s-001's records are theirs, s-002's another
     * station's.
     */
    MANAGER("chengguan", "s-003"),
    /** Manager of s-002 (baisha): the other way round. */
    OTHER_MANAGER("baisha", "s-002"),
    /** 陈秀兰's deputy account (chenxl), sitting at s-001 and s-003. */
    DEPUTY("chenxl", "s-001"),
    /** The administrator of another county, with a station of their own (s-901). */
    OTHER_COUNTY("outsider", "s-901"),
    /** 县交通运输局's department account (jiaotong): S1's forwarded case is its department's. */
    DEPT_A("jiaotong", "s-001"),
    /** 县住房和城乡建设局's department account (zhujian): S2's forwarded case is its department's. */
    DEPT_B("zhujian", "s-002");

    final String username;

    /** The station this person would attach a deputy to. */
    final String home;

    Who(String username, String home) {
      this.username = username;
      this.home = home;
    }
  }

  /** Whose record: S1 one of s-001 (concerning 陈秀兰 where it can), S2 one of s-002. */
  enum Side {
    S1,
    S2
  }

  /** Which (who, side) pairs get through; every other pair is refused (anonymous: log-in first). */
  record Rule(String name, Map<Who, Set<Side>> allowed) {
    boolean allows(Who who, Side side) {
      return allowed.getOrDefault(who, Set.of()).contains(side);
    }

    static Rule of(String name, Object... whoThenSides) {
      Map<Who, Set<Side>> allowed = new EnumMap<>(Who.class);
      Who current = null;
      for (Object o : whoThenSides) {
        if (o instanceof Who w) {
          current = w;
          allowed.put(w, EnumSet.noneOf(Side.class));
        } else {
          allowed.get(current).add((Side) o);
        }
      }
      return new Rule(name, allowed);
    }
  }

  /** Anyone, signed in or not: residents' pages, the log-in, static files, health. */
  static final Rule PUBLIC =
      Rule.of(
          "PUBLIC",
          Who.ANONYMOUS,
          Side.S1,
          Side.S2,
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_MANAGER,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2,
          Who.DEPT_A,
          Side.S1,
          Side.S2,
          Who.DEPT_B,
          Side.S1,
          Side.S2);

  /**
   * Every account, a department's included: the staff's home (which sends a department to its
   * inbox) and one's own password.
   */
  static final Rule EVERY_ACCOUNT =
      Rule.of(
          "EVERY_ACCOUNT",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_MANAGER,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2,
          Who.DEPT_A,
          Side.S1,
          Side.S2,
          Who.DEPT_B,
          Side.S1,
          Side.S2);

  /** A department's account, for its own cases (its inbox lists only them). */
  static final Rule DEPARTMENTS =
      Rule.of("DEPARTMENTS", Who.DEPT_A, Side.S1, Side.S2, Who.DEPT_B, Side.S1, Side.S2);

  /**
   * A case forwarded to a department: that department's accounts only (S1's to 县交通运输局, S2's to
   * 县住房和城乡建设局); nobody else, not even the county's administrator, takes its steps.
   */
  static final Rule DEPARTMENT_CASE =
      Rule.of("DEPARTMENT_CASE", Who.DEPT_A, Side.S1, Who.DEPT_B, Side.S2);

  /**
   * A deputy's account, for their own work (我的, /me): every other account is told there is no such
   * page (a department's is kept to its desk).
   */
  static final Rule DEPUTIES = Rule.of("DEPUTIES", Who.DEPUTY, Side.S1, Side.S2);

  /** A deputy's own suggestion: 陈秀兰's is S1's; S2's is another deputy's. */
  static final Rule OWN_DEPUTY = Rule.of("OWN_DEPUTY", Who.DEPUTY, Side.S1);

  /**
   * The suggestions' list: a deputy's own, a county administrator's county's, a department's
   * forwarded ones; a station manager has none.
   */
  static final Rule SUGGESTION_LISTS =
      Rule.of(
          "SUGGESTION_LISTS",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Side.S2,
          Who.DEPT_A,
          Side.S1,
          Side.S2,
          Who.DEPT_B,
          Side.S1,
          Side.S2);

  /** Who makes a suggestion: a deputy their own, a county administrator for a deputy. */
  static final Rule SUGGESTION_MAKERS =
      Rule.of(
          "SUGGESTION_MAKERS",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Side.S2);

  /** A suggestion: its deputy, the county's administrator and the department it went to. */
  static final Rule SUGGESTION_READERS =
      Rule.of(
          "SUGGESTION_READERS",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Who.DEPT_A,
          Side.S1,
          Who.DEPT_B,
          Side.S2);

  /** Every staff account, each for its own records (lists, the front page, one's own password). */
  static final Rule SIGNED_IN =
      Rule.of(
          "SIGNED_IN",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_MANAGER,
          Side.S1,
          Side.S2,
          Who.DEPUTY,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2);

  /** Administrators and managers, in their own county: not a deputy's account. */
  static final Rule EDITORS =
      Rule.of(
          "EDITORS",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_COUNTY,
          Side.S1,
          Side.S2);

  /**
   * 青溪县's administrators and managers, for a record of the county's that is no station's (a
   * department): each sees what concerns their own stations; another county does not find it.
   */
  static final Rule COUNTY_STAFF =
      Rule.of(
          "COUNTY_STAFF",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Side.S2,
          Who.OTHER_MANAGER,
          Side.S1,
          Side.S2);

  /** A county administrator, in their own county (no record of another in the path). */
  static final Rule COUNTY_ADMINS =
      Rule.of("COUNTY_ADMINS", Who.ADMIN, Side.S1, Side.S2, Who.OTHER_COUNTY, Side.S1, Side.S2);

  /** 青溪县's records that only its administrator touches. */
  static final Rule COUNTY_ADMIN = Rule.of("COUNTY_ADMIN", Who.ADMIN, Side.S1, Side.S2);

  /**
   * A station's records that concern its deputies too: the station, their schedule, notices, their
   * own details.
   */
  static final Rule READERS =
      Rule.of(
          "READERS",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Who.OTHER_MANAGER,
          Side.S2,
          Who.DEPUTY,
          Side.S1);

  /** A station's working records and every change: its managers and the county's administrator. */
  static final Rule STATION_STAFF =
      Rule.of(
          "STATION_STAFF",
          Who.ADMIN,
          Side.S1,
          Side.S2,
          Who.MANAGER,
          Side.S1,
          Who.OTHER_MANAGER,
          Side.S2);

  /**
   * Nobody with a staff account or without: a screen's upload needs the token its command carried.
   */
  static final Rule SCREEN_TOKEN = Rule.of("SCREEN_TOKEN");

  /**
   * Nobody by their account, signed in or not: the operator's figures are read with Prometheus'
   * bearer token only ({@link #shouldLetTheMetricsTokenAloneReadTheFigures}).
   */
  static final Rule METRICS_TOKEN = Rule.of("METRICS_TOKEN");

  /** The hub's metrics token in this test: set, so /metrics refuses rather than being absent. */
  private static final String METRICS = "matrix-metrics-token";

  /**
   * A route's rule, and what its requests need besides the usual: a query, path values, a body.
   *
   * @param body a form body instead of the harmless invalid one; null for the usual
   */
  record Route(Rule rule, String query, Fill fill, String body) {
    Route(Rule rule, String query, Fill fill) {
      this(rule, query, fill, null);
    }
  }

  /** Values for a route's path variables, when the usual ones would not do. */
  interface Fill extends BiFunction<Who, Side, Map<String, String>> {}

  static Route route(Rule rule) {
    return new Route(rule, "", null);
  }

  static Route route(Rule rule, String query) {
    return new Route(rule, query, null);
  }

  private final Map<String, Route> expected = new TreeMap<>();

  /** The statuses each route answered in the sweep, to hold against the API document. */
  private final Map<String, Set<Integer>> answered = new TreeMap<>();

  private void expect(String methodAndPath, Route route) {
    if (expected.put(methodAndPath, route) != null) {
      throw new IllegalStateException("twice in the table: " + methodAndPath);
    }
  }

  private void expect(String methodAndPath, Rule rule) {
    expect(methodAndPath, route(rule));
  }

  /** The table: every route and who may use it. */
  private void table() {
    // Residents, log-in, language, health: no account needed.
    expect("GET /", PUBLIC);
    expect("GET /login", PUBLIC);
    // A real log-in (of an account kept for it): a wrong one is refused with 401 whoever asks.
    expect("POST /login", new Route(PUBLIC, "", null, "username=visitor&password=" + PASSWORD));
    expect("POST /logout", PUBLIC);
    expect("GET /lang/{lang}", PUBLIC);
    expect("GET /health", PUBLIC);
    expect("GET /health/{selector}", PUBLIC);
    expect("GET /health/ingest", PUBLIC);
    expect("GET /metrics", METRICS_TOKEN);
    expect("GET /o/{token}", PUBLIC);
    // 民生实事: the residents' proposal form (the station's QR token) and the public list.
    expect("GET /l/{token}", PUBLIC);
    expect("POST /l/{token}", PUBLIC);
    expect("GET /livelihood", PUBLIC);
    // 民生实事票决: the deputies' ballot page; the code is the key.
    expect("GET /lv/{id}", PUBLIC);
    expect("POST /lv/{id}", PUBLIC);
    expect("POST /o/{token}", PUBLIC);
    expect("GET /b/{token}", PUBLIC);
    expect("POST /b/{token}", PUBLIC);
    expect("GET /b/cancel", PUBLIC);
    expect("POST /b/cancel", PUBLIC);
    expect("GET /b/booked/{code}", PUBLIC);
    // The voters' ballot page of a report to voters: the slip's code is the key.
    expect("GET /r/{id}", PUBLIC);
    expect("POST /r/{id}", PUBLIC);
    expect("GET /t", PUBLIC);
    expect("GET /t/{code}", PUBLIC);
    expect("POST /t/{code}/rating", PUBLIC);
    expect("POST /t/{code}/sms", PUBLIC);
    expect("GET /n/{token}", PUBLIC);
    expect("POST /n/{token}", PUBLIC);
    expect("GET /photos/{file}", PUBLIC);
    // A resident's photo: with the case's tracking code, or as staff who may read the case.
    expect(
        "GET /t/{code}/photos/{file}",
        new Route(
            PUBLIC,
            "",
            (who, side) -> Map.of("file", records.get(side).get("casePhoto") + ".jpg")));
    expect("GET /api/public/stations/{id}", PUBLIC);
    expect("GET /api/public/stations", PUBLIC);
    expect("GET /api/public/stations/{id}/plan", PUBLIC);
    expect("GET /api/public/stations/{id}/results", PUBLIC);
    expect("GET /public", PUBLIC);
    expect("GET /public/stations/{id}", PUBLIC);
    expect("POST /api/public/enrolments", PUBLIC);
    expect("GET /api/public/enrolments/{code}", PUBLIC);
    expect("PUT /api/stations/{id}/screenshots", SCREEN_TOKEN);
    expect("POST /api/stations/{id}/screenshots", SCREEN_TOKEN);

    // Stations.
    expect("GET /api/stations", SIGNED_IN);
    expect("POST /api/stations", COUNTY_ADMINS);
    expect("GET /api/stations/{id}", READERS);
    expect("PUT /api/stations/{id}", STATION_STAFF);
    expect("DELETE /api/stations/{id}", COUNTY_ADMIN);
    expect("GET /api/stations/{id}/content", READERS);
    expect("GET /api/stations/{id}/commands", STATION_STAFF);
    expect("POST /api/stations/{id}/commands", STATION_STAFF);
    expect("POST /api/stations/{id}/enrolment", STATION_STAFF);
    expect("GET /api/stations/{id}/credential", STATION_STAFF);
    expect("DELETE /api/stations/{id}/credential", STATION_STAFF);
    expect("GET /api/stations/{id}/playlist", STATION_STAFF);
    expect("PUT /api/stations/{id}/playlist", STATION_STAFF);
    expect("DELETE /api/stations/{id}/playlist", STATION_STAFF);
    expect("GET /admin", EVERY_ACCOUNT);
    expect("GET /admin/stations", SIGNED_IN);
    expect("GET /admin/stations/new", COUNTY_ADMINS);
    expect("POST /admin/stations", COUNTY_ADMINS);
    expect("GET /admin/stations/{id}/edit", STATION_STAFF);
    expect("POST /admin/stations/{id}", STATION_STAFF);
    expect("GET /admin/stations/{id}/delete", COUNTY_ADMIN);
    expect("POST /admin/stations/{id}/delete", COUNTY_ADMIN);
    expect("GET /admin/stations/{id}/deputies", STATION_STAFF);
    expect("POST /admin/stations/{id}/deputies", STATION_STAFF);
    expect("GET /admin/stations/{id}/poster.png", STATION_STAFF);
    expect("GET /admin/stations/{id}/deputies/{deputyId}/card.png", STATION_STAFF);
    expect("GET /admin/stations/{id}/screen", STATION_STAFF);
    expect("POST /admin/stations/{id}/screen/enrol", STATION_STAFF);
    expect("POST /admin/stations/{id}/screen/revoke", STATION_STAFF);
    expect("GET /admin/stations/{id}/playlist", STATION_STAFF);
    expect("POST /admin/stations/{id}/playlist", STATION_STAFF);
    expect("POST /admin/stations/{id}/playlist/reset", STATION_STAFF);

    // Deputies. S1's is 陈秀兰 herself (at s-001 and s-003, both chengguan's), S2's 刘桂芳 (at s-002).
    expect("GET /api/deputies", SIGNED_IN);
    expect("POST /api/deputies", EDITORS);
    expect("GET /api/deputies/{id}", READERS);
    expect("PUT /api/deputies/{id}", STATION_STAFF);
    expect("DELETE /api/deputies/{id}", STATION_STAFF);
    expect("GET /api/deputies/{id}/stations", READERS);
    // Attaching a deputy of the side's station (made for the purpose) to the asker's own station:
    // a manager may not take over another station's deputy (issue 12).
    expect(
        "PUT /api/deputies/{id}/stations/{stationId}",
        new Route(
            STATION_STAFF,
            "",
            (who, side) -> Map.of("id", freshDeputy(side), "stationId", who.home)));
    expect("DELETE /api/deputies/{id}/stations/{stationId}", STATION_STAFF);
    expect("POST /api/deputies/{id}/photo", STATION_STAFF);
    expect("GET /admin/deputies", SIGNED_IN);
    expect("GET /admin/deputies/new", EDITORS);
    expect("POST /admin/deputies", EDITORS);
    expect("GET /admin/deputies/{id}/edit", STATION_STAFF);
    expect("POST /admin/deputies/{id}", STATION_STAFF);
    expect("GET /admin/deputies/{id}/delete", STATION_STAFF);
    expect("POST /admin/deputies/{id}/delete", STATION_STAFF);
    expect("POST /admin/deputies/{id}/photo", STATION_STAFF);

    // Receptions, attendance, rules, bookings. S1's reception is today's at s-001 with 陈秀兰 on duty.
    expect("GET /api/stations/{stationId}/receptions", READERS);
    expect("POST /api/receptions", EDITORS);
    expect("GET /api/receptions/{id}", READERS);
    expect("PUT /api/receptions/{id}", STATION_STAFF);
    expect(
        "DELETE /api/receptions/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshReception(side))));
    expect("PUT /api/receptions/{id}/present/{deputyId}", STATION_STAFF);
    expect("DELETE /api/receptions/{id}/present/{deputyId}", STATION_STAFF);
    expect("GET /api/receptions/{id}/bookings", STATION_STAFF);
    expect("GET /api/bookings/{id}/contact", STATION_STAFF);
    expect("GET /api/stations/{stationId}/rules", READERS);
    expect("POST /api/rules", EDITORS);
    expect("GET /api/rules/{id}", READERS);
    expect("PUT /api/rules/{id}", STATION_STAFF);
    expect(
        "DELETE /api/rules/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshRule(side))));
    expect("GET /admin/stations/{stationId}/week", READERS);
    expect("GET /admin/receptions/new", route(STATION_STAFF, "station={station}"));
    expect("POST /admin/receptions", EDITORS);
    expect("GET /admin/receptions/{id}/edit", STATION_STAFF);
    expect("POST /admin/receptions/{id}", STATION_STAFF);
    expect("GET /admin/receptions/{id}/delete", STATION_STAFF);
    expect(
        "POST /admin/receptions/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshReception(side))));
    expect("POST /admin/receptions/{id}/attendance/{deputyId}", STATION_STAFF);
    expect("GET /admin/receptions/{id}/bookings", STATION_STAFF);
    expect("GET /admin/rules/new", route(STATION_STAFF, "station={station}"));
    expect("POST /admin/rules", EDITORS);
    expect("GET /admin/rules/{id}/edit", STATION_STAFF);
    expect("POST /admin/rules/{id}", STATION_STAFF);
    expect(
        "POST /admin/rules/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshRule(side))));

    // Annual activity plans: public, so a station's deputies read them; its staff change them.
    expect("GET /api/stations/{stationId}/activities", READERS);
    expect("POST /api/activities", EDITORS);
    expect("GET /api/activities/{id}", READERS);
    expect("PUT /api/activities/{id}", STATION_STAFF);
    expect(
        "DELETE /api/activities/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshActivity(side))));
    expect("GET /admin/stations/{stationId}/plan", READERS);
    expect("GET /admin/stations/{stationId}/plan/new", STATION_STAFF);
    expect("POST /admin/activities", EDITORS);
    expect("GET /admin/activities/{id}/edit", STATION_STAFF);
    expect("POST /admin/activities/{id}", STATION_STAFF);
    expect("GET /admin/activities/{id}/delete", STATION_STAFF);
    expect(
        "POST /admin/activities/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshActivity(side))));

    // Notices. S1's reaches s-001 alone; S2's is the demo's urgent notice for s-002.
    expect("GET /api/notices", SIGNED_IN);
    expect("POST /api/notices", EDITORS);
    expect("GET /api/notices/{id}", READERS);
    expect("PUT /api/notices/{id}", STATION_STAFF);
    expect(
        "DELETE /api/notices/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshNotice(side))));
    expect("GET /api/notices/{id}/receipts", READERS);
    expect("GET /api/notices/{id}/proofs", READERS);
    expect("GET /api/notices/{id}/proofs.csv", READERS);
    expect("GET /admin/notices", SIGNED_IN);
    expect("GET /admin/notices/new", EDITORS);
    expect("POST /admin/notices", EDITORS);
    expect("GET /admin/notices/{id}", READERS);
    expect("GET /admin/notices/{id}/edit", STATION_STAFF);
    expect("POST /admin/notices/{id}", STATION_STAFF);
    expect("GET /admin/notices/{id}/delete", STATION_STAFF);
    expect(
        "POST /admin/notices/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshNotice(side))));

    // Residents' opinions. S1's was addressed to 陈秀兰 through her own QR link.
    expect("GET /api/cases", SIGNED_IN);
    expect("GET /api/cases/overdue", SIGNED_IN);
    expect("GET /api/cases/{id}", READERS);
    expect(
        "GET /api/cases/{id}/photos/{file}",
        new Route(
            READERS,
            "",
            (who, side) -> Map.of("file", records.get(side).get("casePhoto") + ".jpg")));
    expect("GET /api/cases/{id}/contact", STATION_STAFF);
    for (String step :
        List.of(
            "register",
            "merge",
            "forward",
            "department-reply",
            "answer",
            "close",
            "guidance",
            "suggestion")) {
      expect("POST /api/cases/{id}/" + step, STATION_STAFF);
    }
    expect("GET /admin/cases", SIGNED_IN);
    expect("GET /admin/cases/overdue", SIGNED_IN);
    expect("GET /admin/cases/{id}", READERS);
    expect("POST /admin/cases/{id}/{step}", STATION_STAFF);
    // The forwarding slip (交办单): S1's case is not forwarded, so its staff get 409 (allowed).
    expect("GET /admin/cases/{id}/slip.pdf", STATION_STAFF);
    // A department's day of slips: its county's staff, each for their own stations' cases (409
    // when there are none); another county's administrator does not find the department.
    expect("GET /admin/departments/{id}/slips.pdf", COUNTY_STAFF);
    expect("GET /api/cases/{id}/follow-ups", READERS);
    expect("POST /api/cases/{id}/follow-ups", STATION_STAFF);
    expect("PUT /api/cases/{id}/reception", STATION_STAFF);
    expect("GET /api/ledger.csv", EDITORS);
    expect("GET /api/ledger.xlsx", EDITORS);
    expect("GET /admin/ledger", EDITORS);
    // The dashboard: each sees the stations they look after; a deputy's account has none.
    expect("GET /admin/dashboard", EDITORS);
    expect(
        "GET /admin/dashboard/csv/{chart}",
        new Route(EDITORS, "", (who, side) -> Map.of("chart", "category")));
    expect("GET /admin/ledger/export", route(EDITORS, "from=2020-01-01&to=2030-12-31"));
    // The reception ledger (接待台账): the stations' staff's, like the opinion ledger.
    expect("GET /api/receptions/{id}/ledger", STATION_STAFF);
    expect("PUT /api/receptions/{id}/ledger", STATION_STAFF);
    expect("GET /api/reception-ledger.csv", EDITORS);
    expect("GET /api/reception-ledger.xlsx", EDITORS);
    expect("GET /admin/reception-ledger", EDITORS);
    expect("GET /admin/reception-ledger/export", EDITORS);
    expect("GET /admin/receptions/{id}/ledger", STATION_STAFF);
    expect("POST /admin/receptions/{id}/ledger", STATION_STAFF);
    expect("GET /admin/receptions/{id}/record", STATION_STAFF);
    // Reports to voters (述职评议): a station's staff; a deputy's account reads nothing here.
    // 民生实事 collection: a township's round is its stations' managers' and the county's
    // administrators'; the county's round only its administrators' (LivelihoodCollectTest).
    expect("GET /api/livelihood/rounds", EDITORS);
    expect("POST /api/livelihood/rounds", EDITORS);
    expect("GET /api/livelihood/rounds/{id}", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/close", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/proposals", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/opinions", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/proposals/{proposalId}/decision", STATION_STAFF);
    // The vote of a round: the staff of the round's level.
    expect("GET /api/livelihood/rounds/{id}/vote", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/vote", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/vote/codes", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/vote/open", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/vote/close", STATION_STAFF);
    expect("GET /admin/livelihood", EDITORS);
    expect("POST /admin/livelihood", EDITORS);
    expect("GET /admin/livelihood/{id}", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/close", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/proposals", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/opinions", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/proposals/{proposalId}/decision", STATION_STAFF);
    // 初定与审议: each side's round is under review with one draft project missing everything, so
    // an allowed publish is refused as invalid and a take-back or withdraw is out of turn (409).
    expect("GET /api/livelihood/rounds/{id}/projects", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects/{projectId}", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects/{projectId}/proposals", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects/{projectId}/position", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects/{projectId}/leave-out", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/projects/{projectId}/take-back", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/publish", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/withdraw", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/schedule", STATION_STAFF);
    expect("POST /api/livelihood/rounds/{id}/cancel", STATION_STAFF);
    expect(
        "GET /api/livelihood/rounds/{id}/proposals/{proposalId}/photos/{file}",
        new Route(
            STATION_STAFF,
            "",
            (who, side) -> Map.of("file", records.get(side).get("casePhoto") + ".jpg")));
    expect("GET /admin/livelihood/{id}/shortlist", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects", STATION_STAFF);
    expect("GET /admin/livelihood/{id}/projects/{projectId}", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects/{projectId}", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects/{projectId}/proposals", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects/{projectId}/position", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects/{projectId}/leave-out", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/projects/{projectId}/take-back", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/publish", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/withdraw", STATION_STAFF);
    // The vote's staff page: the same service as the API above, the same answers (409 out of turn).
    expect("GET /admin/livelihood/{id}/vote", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/vote", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/vote/codes", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/vote/open", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/vote/close", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/vote/renew", STATION_STAFF);
    expect("GET /admin/livelihood/{id}/change", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/schedule", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/cancel", STATION_STAFF);
    // Supervise and evaluate (监督, 测评): S1's elected project is 县交通运输局's, supervised by 陈秀兰;
    // its round is not decided, so every change of an allowed person is refused out of turn (409).
    expect("GET /admin/livelihood/{id}/supervise", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/ratings/open", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/ratings/close", STATION_STAFF);
    expect("GET /admin/livelihood/{id}/supervise/{projectId}", STATION_STAFF);
    expect("POST /admin/livelihood/{id}/supervise/{projectId}/milestones", STATION_STAFF);
    expect(
        "POST /admin/livelihood/{id}/supervise/{projectId}/milestones/{milestoneId}",
        STATION_STAFF);
    expect(
        "POST /admin/livelihood/{id}/supervise/{projectId}/milestones/{milestoneId}/done",
        STATION_STAFF);
    expect(
        "POST /admin/livelihood/{id}/supervise/{projectId}/milestones/{milestoneId}/remove",
        STATION_STAFF);
    expect("POST /admin/livelihood/{id}/supervise/{projectId}/supervisors", STATION_STAFF);
    expect(
        "POST /admin/livelihood/{id}/supervise/{projectId}/supervisors/{deputyId}/remove",
        STATION_STAFF);
    expect(
        "POST /admin/livelihood/{id}/supervise/{projectId}/reports/{progressId}/publish",
        STATION_STAFF);
    expect("GET /admin/livelihood/{id}/supervise/{projectId}/photos/{file}", STATION_STAFF);
    expect("GET /dept/livelihood", DEPARTMENTS);
    expect("GET /dept/livelihood/{projectId}", DEPARTMENT_CASE);
    expect("POST /dept/livelihood/{projectId}/progress", DEPARTMENT_CASE);
    expect("GET /me/supervise", DEPUTIES);
    expect("GET /me/supervise/{projectId}", OWN_DEPUTY);
    expect("POST /me/supervise/{projectId}/notes", OWN_DEPUTY);
    expect("POST /me/supervise/{projectId}/rating", DEPUTIES);
    expect("POST /livelihood/projects/{projectId}/rating", PUBLIC);
    expect("GET /livelihood/projects/{projectId}/photos/{file}", PUBLIC);
    expect("GET /api/reports", EDITORS);
    expect("POST /api/reports", EDITORS);
    expect("GET /api/reports/{id}", STATION_STAFF);
    expect("POST /api/reports/{id}/open", STATION_STAFF);
    expect("POST /api/reports/{id}/close", STATION_STAFF);
    expect("POST /api/reports/{id}/cancel", STATION_STAFF);
    expect("POST /api/reports/{id}/slips", STATION_STAFF);
    expect("GET /admin/reports", EDITORS);
    expect("GET /admin/reports/new", EDITORS);
    expect("POST /admin/reports", EDITORS);
    expect("GET /admin/reports/{id}", STATION_STAFF);
    expect("GET /admin/reports/{id}/edit", STATION_STAFF);
    expect("POST /admin/reports/{id}", STATION_STAFF);
    expect("POST /admin/reports/{id}/open", STATION_STAFF);
    expect("POST /admin/reports/{id}/close", STATION_STAFF);
    expect("POST /admin/reports/{id}/cancel", STATION_STAFF);
    expect("POST /admin/reports/{id}/slips.pdf", STATION_STAFF);
    // The duty record (履职档案): read by the deputy and those who see them at work (not another
    // deputy); written by the stations' staff; the county's list is its administrators'.
    expect("GET /api/deputies/{id}/record", READERS);
    expect("GET /admin/deputies/{id}/record", READERS);
    expect("GET /admin/deputies/{id}/record.pdf", READERS);
    expect("POST /admin/deputies/{id}/record/notes", STATION_STAFF);
    expect("GET /me/record", DEPUTIES);
    expect("GET /me/record.pdf", DEPUTIES);
    expect("GET /admin/duty-record/aspects", COUNTY_ADMINS);
    expect("POST /admin/duty-record/aspects", COUNTY_ADMINS);
    expect("POST /admin/duty-record/aspects/{aspectId}", COUNTY_ADMIN);
    expect("GET /api/departments", EDITORS);
    expect("POST /api/departments", COUNTY_ADMINS);
    expect("PUT /api/departments/{id}", COUNTY_ADMIN);
    expect("GET /admin/departments", EDITORS);
    expect("GET /admin/departments/new", COUNTY_ADMINS);
    expect("POST /admin/departments", COUNTY_ADMINS);
    expect("GET /admin/departments/{id}/edit", COUNTY_ADMIN);
    expect("POST /admin/departments/{id}", COUNTY_ADMIN);
    // The working-day calendar: every account reads it (deadlines are counted with it); not
    // anonymous, since public pages show deadlines already counted. County administrators change
    // it; a station manager reads the page and exports it.
    expect("GET /api/calendar", SIGNED_IN);
    expect("PUT /api/calendar/days", COUNTY_ADMINS);
    expect("DELETE /api/calendar/days/{date}", COUNTY_ADMINS);
    expect("GET /admin/calendar", EDITORS);
    expect("GET /admin/calendar/export", EDITORS);
    expect("POST /admin/calendar/days", COUNTY_ADMINS);
    expect("POST /admin/calendar/days/{date}/delete", COUNTY_ADMINS);
    expect("POST /admin/calendar/import", COUNTY_ADMINS);

    // Duty points (履职积分): a deputy's year for whoever sees the deputy (a deputy's account its
    // own); the ranking, hand entries and the pages for the county's staff; decisions, the rule
    // table, the stars and the year's close for county administrators.
    expect("GET /api/deputies/{id}/points", READERS);
    expect("GET /api/points/rankings", EDITORS);
    expect("POST /api/points/entries", EDITORS);
    expect("POST /api/points/entries/{id}/decision", COUNTY_ADMIN);
    expect("POST /api/points/years/{year}/close", COUNTY_ADMINS);
    expect("GET /admin/points", EDITORS);
    expect("GET /admin/points/export", EDITORS);
    expect("GET /admin/points/deputies/{id}", READERS);
    expect("GET /admin/points/entries/{id}/evidence/{file}", READERS);
    expect("GET /admin/points/rules", EDITORS);
    expect("POST /admin/points/rules", COUNTY_ADMINS);
    expect("POST /admin/points/rules/stars", COUNTY_ADMINS);
    expect("POST /admin/points/entries", EDITORS);
    expect("POST /admin/points/entries/{id}/decision", COUNTY_ADMIN);
    expect("POST /admin/points/years/{year}/close", COUNTY_ADMINS);
    expect("POST /admin/points/stars", COUNTY_ADMINS);

    // Screens: fleet, commands, screenshots.
    expect("GET /admin/fleet", EDITORS);
    expect("GET /admin/fleet/{id}/commands", STATION_STAFF);
    expect("POST /admin/fleet/{id}/commands/{name}", STATION_STAFF);
    expect("GET /admin/fleet/screenshots/{file}", STATION_STAFF);

    // Station bundles: the county's administrators upload and list them; the installer and the
    // stations download them, their signatures and the hub's key without an account.
    expect("POST /api/software/bundles", COUNTY_ADMINS);
    expect("GET /api/software/bundles", COUNTY_ADMINS);
    expect("POST /api/software/rollouts", COUNTY_ADMINS);
    expect("GET /api/software/rollouts", COUNTY_ADMINS);
    expect("POST /api/software/rollouts/{id}/advance", COUNTY_ADMINS);
    expect("POST /api/software/rollouts/{id}/halt", COUNTY_ADMINS);
    expect("POST /api/software/rollouts/{id}/resume", COUNTY_ADMINS);
    expect("POST /api/software/rollouts/{id}/cancel", COUNTY_ADMINS);
    expect("GET /admin/software", COUNTY_ADMINS);
    expect("POST /admin/software/rollouts", COUNTY_ADMINS);
    expect("POST /admin/software/rollouts/{id}/{action}", COUNTY_ADMINS);
    expect("GET /install/hub-key.pub", PUBLIC);
    expect("GET /install/bundle", route(PUBLIC, "arch=linux-x64"));
    expect("GET /install/bundle.sig", route(PUBLIC, "arch=linux-x64"));
    expect("GET /install/station.sh", PUBLIC);
    // Signage media (issue 20): the library's files by hash, for stations.
    expect("GET /media/{sha256}", PUBLIC);
    // Media slides: S1's is the county poster on s-001 alone, S2's on s-002 alone.
    expect("GET /api/media-slides", EDITORS);
    expect("POST /api/media-slides", EDITORS);
    expect("GET /api/media-slides/{id}", STATION_STAFF);
    expect("PUT /api/media-slides/{id}", STATION_STAFF);
    expect(
        "DELETE /api/media-slides/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshSlide(side))));
    expect("POST /api/media-slides/{id}/move", STATION_STAFF);
    expect("GET /api/media-slides/{id}/proofs", STATION_STAFF);
    expect("GET /api/stations/{id}/media", STATION_STAFF);
    expect("PUT /api/stations/{id}/media-volume", STATION_STAFF);
    expect("GET /admin/media/slides", EDITORS);
    expect("GET /admin/media/slides/new", EDITORS);
    expect("POST /admin/media/slides", EDITORS);
    expect("GET /admin/media/slides/{id}", STATION_STAFF);
    expect("POST /admin/media/slides/{id}", STATION_STAFF);
    expect(
        "POST /admin/media/slides/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshSlide(side))));
    expect("POST /admin/media/slides/{id}/move", STATION_STAFF);
    expect("POST /admin/stations/{id}/screen/media-volume", STATION_STAFF);
    // The library: the county's takes uploads from its administrators (an upload naming no
    // station); a station's entries are its managers' and the administrators'; the library is
    // listed to administrators and managers. Retiring twice is harmless; deletions take fresh ones.
    expect("POST /api/media", route(COUNTY_ADMINS, "fileName=x.png"));
    expect("GET /api/media", EDITORS);
    expect("GET /api/media/{id}", STATION_STAFF);
    expect("POST /api/media/{id}/retire", STATION_STAFF);
    expect(
        "DELETE /api/media/{id}",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshMedia(side))));
    expect("GET /admin/media", EDITORS);
    expect("POST /admin/media", COUNTY_ADMINS);
    expect("POST /admin/media/{id}/retire", STATION_STAFF);
    expect(
        "POST /admin/media/{id}/delete",
        new Route(STATION_STAFF, "", (who, side) -> Map.of("id", freshMedia(side))));

    // Spreadsheets, accounts, audit.
    expect("GET /api/export/{kind}", EDITORS);
    expect("POST /api/import/{kind}", EDITORS);
    expect("GET /admin/spreadsheets", EDITORS);
    expect("GET /admin/spreadsheets/{kind}/export", EDITORS);
    expect("POST /admin/spreadsheets/{kind}/check", EDITORS);
    expect("POST /admin/spreadsheets/{kind}/import", EDITORS);
    expect("GET /api/staff", COUNTY_ADMINS);
    expect("POST /api/staff/{id}/password-reset", COUNTY_ADMIN);
    expect("GET /admin/staff", COUNTY_ADMINS);
    expect("POST /admin/staff/{id}/reset", COUNTY_ADMIN);
    expect("GET /admin/password", EVERY_ACCOUNT);
    expect("POST /admin/password", EVERY_ACCOUNT);
    expect("POST /admin/staff/departments", COUNTY_ADMINS);

    // A department's desk (承办单位): its inbox, a case forwarded to it, its three steps, the
    // resident's photos and the reply's files; the county decides on extensions.
    Fill deptCase = (who, side) -> Map.of("id", records.get(side).get("deptCase"));
    expect("GET /dept", DEPARTMENTS);
    expect("GET /dept/cases/{id}", new Route(DEPARTMENT_CASE, "", deptCase));
    for (String step : List.of("reply", "extension", "return")) {
      expect("POST /dept/cases/{id}/" + step, new Route(DEPARTMENT_CASE, "", deptCase));
      expect("POST /api/dept/cases/{id}/" + step, new Route(DEPARTMENT_CASE, "", deptCase));
    }
    expect(
        "GET /dept/cases/{id}/photos/{file}",
        new Route(
            DEPARTMENT_CASE,
            "",
            (who, side) ->
                Map.of(
                    "id",
                    records.get(side).get("deptCase"),
                    "file",
                    records.get(side).get("deptPhoto") + ".jpg")));
    Fill attached =
        (who, side) ->
            Map.of(
                "id",
                records.get(side).get("deptCase"),
                "file",
                records.get(side).get("deptFile") + ".jpg");
    expect("GET /dept/cases/{id}/files/{file}", new Route(DEPARTMENT_CASE, "", attached));
    expect("GET /admin/cases/{id}/files/{file}", new Route(READERS, "", attached));
    expect("GET /api/dept/cases", DEPARTMENTS);
    expect("GET /api/dept/cases/{id}", new Route(DEPARTMENT_CASE, "", deptCase));
    expect("GET /api/extensions", COUNTY_ADMINS);
    expect("POST /api/cases/{id}/extension-decision", COUNTY_ADMIN);
    expect("GET /admin/audit", COUNTY_ADMINS);
    // 我的: a deputy's own pages and JSON, and signing in by scanning the station's screen (with
    // no code, the harmless input, the deputy is refused in words: 422).
    expect("GET /me", DEPUTIES);
    expect("GET /me/messages", DEPUTIES);
    expect("GET /me/points", DEPUTIES);
    expect("GET /me/sign-in", DEPUTIES);
    expect("GET /api/me", DEPUTIES);
    // The outbox: the county's administrator; a station's staff see a case's messages on its page.
    expect("GET /api/notifications", COUNTY_ADMINS);
    expect("GET /admin/notifications", COUNTY_ADMINS);
    expect("POST /admin/notifications/{id}/resend", COUNTY_ADMIN);

    // Deputies' suggestions (代表建议): a deputy's own, the county's administrator, the departments
    // they went to (S1's 陈秀兰's to 县交通运输局, S2's 刘桂芳's to 县住房和城乡建设局); the promise
    // ledger is the county administrator's.
    Fill suggestion = (who, side) -> Map.of("id", records.get(side).get("suggestion"));
    Fill suggestionFile =
        (who, side) ->
            Map.of(
                "id",
                records.get(side).get("suggestion"),
                "file",
                records.get(side).get("suggestionFile"));
    Fill promise = (who, side) -> Map.of("id", records.get(side).get("promise"));
    expect("GET /api/suggestions", SUGGESTION_LISTS);
    expect("POST /api/suggestions", SUGGESTION_MAKERS);
    expect("GET /api/suggestions/{id}", new Route(SUGGESTION_READERS, "", suggestion));
    expect("POST /api/suggestions/{id}/withdraw", new Route(OWN_DEPUTY, "", suggestion));
    expect("POST /api/suggestions/{id}/rate", new Route(OWN_DEPUTY, "", suggestion));
    expect("POST /api/suggestions/{id}/reply", new Route(DEPARTMENT_CASE, "", suggestion));
    for (String step : List.of("forward", "forward-again", "close")) {
      expect("POST /api/suggestions/{id}/" + step, new Route(COUNTY_ADMIN, "", suggestion));
      expect("POST /admin/suggestions/{id}/" + step, new Route(COUNTY_ADMIN, "", suggestion));
    }
    expect("GET /api/suggestions/promises", COUNTY_ADMINS);
    expect("GET /api/suggestions/promises/ledger.csv", COUNTY_ADMINS);
    expect("GET /admin/suggestions/promises", COUNTY_ADMINS);
    expect("GET /admin/suggestions/promises/ledger.csv", COUNTY_ADMINS);
    for (String step : List.of("review-date", "review", "kept")) {
      expect("POST /api/suggestions/promises/{id}/" + step, new Route(COUNTY_ADMIN, "", promise));
      expect("POST /admin/suggestions/promises/{id}/" + step, new Route(COUNTY_ADMIN, "", promise));
    }
    expect("GET /admin/suggestions", COUNTY_ADMINS);
    expect("GET /admin/suggestions/new", COUNTY_ADMINS);
    expect("POST /admin/suggestions", COUNTY_ADMINS);
    expect("GET /admin/suggestions/{id}", new Route(COUNTY_ADMIN, "", suggestion));
    expect("GET /admin/suggestions/{id}/files/{file}", new Route(COUNTY_ADMIN, "", suggestionFile));
    expect("GET /me/suggestions", DEPUTIES);
    expect("GET /me/suggestions/new", DEPUTIES);
    expect("POST /me/suggestions", DEPUTIES);
    expect("GET /me/suggestions/{id}", new Route(OWN_DEPUTY, "", suggestion));
    expect("POST /me/suggestions/{id}/rate", new Route(OWN_DEPUTY, "", suggestion));
    expect("POST /me/suggestions/{id}/withdraw", new Route(OWN_DEPUTY, "", suggestion));
    expect("GET /me/suggestions/{id}/files/{file}", new Route(OWN_DEPUTY, "", suggestionFile));
    expect("GET /dept/suggestions", DEPARTMENTS);
    expect("GET /dept/suggestions/{id}", new Route(DEPARTMENT_CASE, "", suggestion));
    expect("POST /dept/suggestions/{id}/reply", new Route(DEPARTMENT_CASE, "", suggestion));
    expect(
        "GET /dept/suggestions/{id}/files/{file}", new Route(DEPARTMENT_CASE, "", suggestionFile));
  }

  /** Files served from the classpath, not routes of the router: tried by path. */
  private static final List<String> STATIC_FILES =
      List.of("/static/hub.css", "/static/admin.css", "/openapi/openapi.yml");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final AtomicInteger made = new AtomicInteger();
  private final Map<Who, Session> sessions = new EnumMap<>(Who.class);
  private final Map<Side, Map<String, String>> records = new EnumMap<>(Side.class);
  private RunningHub hub;
  private String spareAccount;

  /** A signed-in browser: its session cookie and the session's CSRF token. */
  record Session(String cookie, String csrf) {}

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    hub = RunningHub.start(dir, Map.of("hub.metrics.token", METRICS));
    table();
    liaison.hub.db.Database jdbi = hub.bean(liaison.hub.db.Database.class);
    PasswordHasher hasher = hub.bean(PasswordHasher.class);
    StationRepository stations = hub.bean(StationRepository.class);
    StaffAccountRepository accounts = hub.bean(StaffAccountRepository.class);
    spareAccount = "u-spare";
    String hash = hasher.hash(PASSWORD);
    jdbi.useTransaction(
        h -> {
          stations.insertCounty(h, "c-far", "远山县");
          stations.insertTownship(h, "t-far", "c-far", "远山镇");
          stations.insert(
              h,
              new Station(
                  "s-901",
                  "t-far",
                  "远山镇人大代表之家",
                  StationKind.HOME,
                  "",
                  "",
                  "",
                  null,
                  null,
                  PublicTokens.next()));
          accounts.insert(
              h,
              new Staff(
                  "u-outsider", "outsider", "远山县管理员", Role.COUNTY_ADMIN, "c-far", null, Set.of()),
              hash);
          // An account the password-reset routes may reset, and one the log-in form may sign in.
          accounts.insert(
              h,
              new Staff(
                  spareAccount,
                  "spare",
                  "备用",
                  Role.STATION_MANAGER,
                  DemoCounty.COUNTY,
                  null,
                  Set.of("s-003")),
              hash);
          accounts.insert(
              h,
              new Staff(
                  "u-visitor",
                  "visitor",
                  "来访",
                  Role.STATION_MANAGER,
                  DemoCounty.COUNTY,
                  null,
                  Set.of("s-003")),
              hash);
        });
    for (Who who : Who.values()) {
      if (who.username != null) {
        sessions.put(who, logIn(who.username));
      }
    }
    records.put(Side.S1, new LinkedHashMap<>());
    records.put(Side.S2, new LinkedHashMap<>());
    s1AndS2Records(jdbi);
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldHaveAnExpectationForEveryRouteOfTheRouter() {
    Set<String> routed = new TreeSet<>(routes().keySet());
    routed.removeIf(key -> key.startsWith("HEAD ")); // each GET's own, expected as the GET
    Set<String> missing = new TreeSet<>(routed);
    missing.removeAll(expected.keySet());
    Set<String> stale = new TreeSet<>(expected.keySet());
    stale.removeAll(routed);

    assertThat(missing)
        .as(
            "routes of the hub without an expectation in AuthorisationMatrixTest.table(): decide who may use each, then add it")
        .isEmpty();
    assertThat(stale).as("expectations for routes the hub no longer has").isEmpty();
  }

  @Test
  void shouldLetEachPersonUseEachRouteOnlyAsTheTableSays() {
    List<String> wrong = new ArrayList<>();
    Map<String, List<UriRouteInfo<?, ?>>> routes = routes();
    List<String> order = new ArrayList<>(routes.keySet());
    // Logging out ends the session the other requests use: last.
    if (order.remove("POST /logout")) {
      order.add("POST /logout");
    }
    for (String key : order) {
      // The router answers HEAD for every GET with the GET's own method, where who may is decided:
      // HEAD is tried without an account, to show the log-in check holds for it too.
      boolean head = key.startsWith("HEAD ");
      Route route = expected.get(head ? "GET " + key.substring(5) : key);
      if (route == null) {
        continue; // reported by the other test
      }
      for (UriRouteInfo<?, ?> info : routes.get(key)) {
        boolean usesRecords =
            info.getUriMatchTemplate().getVariableNames().size() > 0 || !route.query().isEmpty();
        for (Side side : usesRecords ? List.of(Side.S1, Side.S2) : List.of(Side.S1)) {
          for (Who who : head ? List.of(Who.ANONYMOUS) : List.of(Who.values())) {
            String path = path(info, route, who, side);
            HttpResponse<String> answer =
                route.body() == null
                    ? send(who, info, path)
                    : send(
                        who,
                        info.getHttpMethodName(),
                        path,
                        "application/x-www-form-urlencoded",
                        route.body().getBytes(StandardCharsets.UTF_8));
            String got = outcome(answer);
            String want = expectedOutcome(route.rule(), who, side, path);
            if (!got.equals(want) && !(route.rule() == PUBLIC && answer.statusCode() == 404)) {
              wrong.add(
                  String.format(
                      "%-58s %-3s %-13s expected %-5s (%s) got %d %s",
                      key,
                      side,
                      who,
                      want,
                      route.rule().name(),
                      answer.statusCode(),
                      shorten(answer.body())));
            }
            if (!head) {
              answered.computeIfAbsent(key, k -> new TreeSet<>()).add(answer.statusCode());
            }
          }
        }
      }
    }
    for (String file : STATIC_FILES) {
      for (Who who : Who.values()) {
        HttpResponse<String> answer = send(who, "GET", file, null, null);
        if (!outcome(answer).equals("ALLOW")) {
          wrong.add(
              String.format(
                  "GET %-54s %-13s expected ALLOW got %d", file, who, answer.statusCode()));
        }
      }
    }
    // Signed in again, for the other tests of the class.
    for (Who who : Who.values()) {
      if (who.username != null) {
        sessions.put(who, logIn(who.username));
      }
    }
    assertThat(wrong)
        .as("requests answered otherwise than the table says:\n" + String.join("\n", wrong))
        .isEmpty();
    List<String> unlisted = answersTheApiDocumentDoesNotList();
    assertThat(unlisted)
        .as(
            "answers the API document (/openapi/openapi.yml) does not list for their operation: add each beside the"
                + " operation (liaison.hub.web.ApiAnswers):\n"
                + String.join("\n", unlisted))
        .isEmpty();
  }

  /**
   * Each status an operation of the API document answered in the sweep above that the document does
   * not list for it, so that a client generated from the document knows every answer the table's
   * people get (routes the document leaves out, such as the admin's pages, are skipped).
   */
  @SuppressWarnings("unchecked")
  private List<String> answersTheApiDocumentDoesNotList() {
    Map<String, Object> document =
        new org.yaml.snakeyaml.Yaml().load(hub.get("/openapi/openapi.yml").body());
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>) document.get("paths");
    List<String> unlisted = new ArrayList<>();
    answered.forEach(
        (key, statuses) -> {
          String method = key.substring(0, key.indexOf(' ')).toLowerCase(java.util.Locale.ROOT);
          Map<String, Object> operation =
              (Map<String, Object>)
                  paths.getOrDefault(key.substring(key.indexOf(' ') + 1), Map.of()).get(method);
          if (operation == null) {
            return;
          }
          Set<String> listed = ((Map<String, Object>) operation.get("responses")).keySet();
          statuses.stream()
              .filter(status -> !listed.contains(String.valueOf(status)))
              .forEach(status -> unlisted.add(key + " answered " + status));
        });
    return unlisted;
  }

  /**
   * Every change a signed-in person's browser can make (POST, PUT, PATCH, DELETE under /admin, /api
   * and /logout, as the router lists them) is refused without the session's CSRF token or with a
   * wrong one, before it reaches the route: another site cannot make the administrator's browser
   * change anything. Scripts signing with HTTP Basic carry no cookie and need no token.
   */
  @Test
  void shouldRefuseEveryChangeMadeWithTheSessionCookieButWithoutItsToken() {
    List<String> wrong = new ArrayList<>();
    routes()
        .forEach(
            (key, infos) -> {
              String method = key.substring(0, key.indexOf(' '));
              String template = key.substring(key.indexOf(' ') + 1);
              boolean change = Set.of("POST", "PUT", "PATCH", "DELETE").contains(method);
              boolean guarded =
                  template.startsWith("/admin/")
                      || template.startsWith("/dept/")
                      || template.startsWith("/me/")
                      || template.startsWith("/api/")
                      || template.equals("/logout");
              Route route = expected.get(key);
              if (!change || !guarded || route == null) {
                return;
              }
              for (UriRouteInfo<?, ?> info : infos) {
                String path = path(info, route, Who.ADMIN, Side.S1);
                for (String csrf :
                    java.util.Arrays.asList(null, "forged-" + made.incrementAndGet())) {
                  HttpResponse<String> answer = send(Who.ADMIN, info, path, csrf);
                  if (answer.statusCode() != 403
                      || !answer.body().contains("CSRF") && !answer.body().contains("页面已过期")) {
                    wrong.add(
                        String.format(
                            "%-58s token %-12s got %d %s",
                            key,
                            csrf == null ? "none" : "forged",
                            answer.statusCode(),
                            shorten(answer.body())));
                  }
                }
              }
            });
    assertThat(wrong)
        .as(
            "changes accepted, or refused for another reason, without the session's token:\n"
                + String.join("\n", wrong))
        .isEmpty();
  }

  /**
   * Every query value every GET route takes (from the router's arguments) is data, never SQL: the
   * shapes of an injection answer without a server error, leak no SQL error or password hash, and
   * leave every table as it was.
   */
  @Test
  void shouldReadInjectionShapedQueryValuesAsPlainText() {
    List<String> payloads =
        List.of(
            "' OR '1'='1",
            "s-001' OR 1=1 --",
            "1; DROP TABLE station; --",
            "%' UNION SELECT password_hash, username FROM staff_account --",
            "\" OR \"\"=\"",
            "\\'; DELETE FROM opinion_case; --");
    liaison.hub.db.Database database = hub.bean(liaison.hub.db.Database.class);
    String counts =
        "SELECT (SELECT COUNT(*) FROM station) || '/' || (SELECT COUNT(*) FROM staff_account) || '/' || (SELECT COUNT(*) FROM opinion_case)";
    String before = database.withHandle(h -> h.createQuery(counts).mapTo(String.class).one());
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (Map.Entry<String, List<UriRouteInfo<?, ?>>> entry : routes().entrySet()) {
      Route route = expected.get(entry.getKey());
      if (!entry.getKey().startsWith("GET ") || route == null) {
        continue;
      }
      for (UriRouteInfo<?, ?> info : entry.getValue()) {
        for (String name : queryNames(info)) {
          for (String payload : payloads) {
            String path = path(info, new Route(route.rule(), "", route.fill()), Who.ADMIN, Side.S1);
            path +=
                (path.contains("?") ? "&" : "?")
                    + name
                    + "="
                    + URLEncoder.encode(payload, StandardCharsets.UTF_8);
            HttpResponse<String> answer = send(Who.ADMIN, "GET", path, null, null);
            tried++;
            String body = answer.body();
            if (answer.statusCode() >= 500
                || body.contains("SQLITE")
                || body.contains("SQLException")
                || body.contains("syntax error")
                || body.contains("$argon2")) {
              wrong.add(
                  String.format(
                      "%-58s %s=%s got %d %s",
                      entry.getKey(), name, payload, answer.statusCode(), shorten(body)));
            }
          }
        }
      }
    }
    assertThat(tried).as("query values tried").isGreaterThan(50);
    assertThat(wrong)
        .as("injection-shaped query values not read as plain text:\n" + String.join("\n", wrong))
        .isEmpty();
    String after = database.withHandle(h -> h.createQuery(counts).mapTo(String.class).one());
    assertThat(after).as("stations/staff/cases").isEqualTo(before);
  }

  /** The names a route reads from the query: its {@code @QueryValue} arguments. */
  private static List<String> queryNames(UriRouteInfo<?, ?> info) {
    List<String> names = new ArrayList<>();
    for (io.micronaut.core.type.Argument<?> argument : info.getTargetMethod().getArguments()) {
      if (argument
          .getAnnotationMetadata()
          .hasAnnotation(io.micronaut.http.annotation.QueryValue.class)) {
        names.add(
            argument
                .getAnnotationMetadata()
                .stringValue(io.micronaut.http.annotation.QueryValue.class)
                .filter(v -> !v.isEmpty())
                .orElse(argument.getName()));
      }
    }
    return names;
  }

  @Test
  void shouldListForEachPersonOnlyTheRecordsTheyMaySee() throws Exception {
    // Lists answer 200 to everyone signed in; what is in them is the point.
    assertThat(ids(Who.DEPUTY, "/api/cases"))
        .as("the opinions addressed to 陈秀兰 (the demo's 烧烤油烟 among them), none of s-001's others")
        .containsExactlyInAnyOrder("case-matrix01", "case-matrixd1", "case-demo0008");
    JsonNode slots =
        json.readTree(
            send(
                    Who.DEPUTY,
                    "GET",
                    "/api/stations/s-001/receptions?to=" + LocalDate.now().plusDays(13),
                    null,
                    null)
                .body());
    assertThat(slots.size()).isPositive();
    slots.forEach(
        slot ->
            assertThat(slot.path("deputies").findValuesAsText("id"))
                .as("only her own duties")
                .contains("d-0001"));
    String notHers = created("/api/rules", rule("s-001", "d-0002"));
    List<String> rules = ids(Who.DEPUTY, "/api/stations/s-001/rules");
    assertThat(rules).contains(records.get(Side.S1).get("rule")).doesNotContain(notHers);
    assertThat(ids(Who.MANAGER, "/api/stations/s-001/rules")).contains(notHers);
    assertThat(send(Who.DEPUTY, "GET", "/admin/stations/s-001/week", null, null).body())
        .as("the calendar shows her slots only: 黄志强 is on duty with her, 张德明 only without her")
        .contains("黄志强")
        .doesNotContain("张德明");

    assertThat(ids(Who.OTHER_COUNTY, "/api/stations")).containsExactly("s-901");
    assertThat(ids(Who.OTHER_COUNTY, "/api/deputies")).isEmpty();
    assertThat(ids(Who.OTHER_COUNTY, "/api/notices")).isEmpty();
    assertThat(ids(Who.OTHER_COUNTY, "/api/cases")).isEmpty();
    assertThat(ids(Who.OTHER_COUNTY, "/api/departments")).isEmpty();
    assertThat(
            json.readTree(send(Who.OTHER_COUNTY, "GET", "/api/staff", null, null).body())
                .findValuesAsText("username"))
        .containsExactly("outsider");
    assertThat(send(Who.OTHER_COUNTY, "GET", "/admin/audit", null, null).body())
        .as("青溪县's administrator made notices and rules here: not in another county's log")
        .doesNotContain("周建华", "矩阵测试公告");
    assertThat(send(Who.ADMIN, "GET", "/admin/audit", null, null).body()).contains("周建华");

    assertThat(ids(Who.DEPT_A, "/api/dept/cases"))
        .as("县交通运输局's desk: its own case, not 县住房和城乡建设局's")
        .contains("case-matrixd1")
        .doesNotContain("case-matrixd2", "case-matrix01");
    assertThat(ids(Who.DEPT_B, "/api/dept/cases"))
        .contains("case-matrixd2")
        .doesNotContain("case-matrixd1");
    HttpResponse<String> other = send(Who.DEPT_B, "GET", "/dept/cases/case-matrixd1", null, null);
    HttpResponse<String> none = send(Who.DEPT_B, "GET", "/dept/cases/case-nosuchcase", null, null);
    assertThat(other.statusCode())
        .as("another department's case answers as one that does not exist")
        .isEqualTo(none.statusCode())
        .isEqualTo(404);
    assertThat(other.body()).doesNotContain("排水沟");
  }

  @Test
  void shouldKeepEachCountysMediaLibraryToItself() {
    // mi-matrix is 青溪县's library's poster (uploaded by its administrator).
    HttpResponse<String> form =
        send(Who.OTHER_COUNTY, "GET", "/admin/media/slides/new", null, null);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).as("another county's titles").doesNotContain("矩阵测试海报");
    HttpResponse<String> chosen =
        send(Who.OTHER_COUNTY, "GET", "/admin/media/slides/new?item=mi-matrix", null, null);
    assertThat(chosen.statusCode()).isEqualTo(404);
    assertThat(chosen.body()).doesNotContain("矩阵测试海报", "mi-matrix");
    HttpResponse<String> slide =
        send(
            Who.OTHER_COUNTY,
            "POST",
            "/api/media-slides",
            "application/json",
            "{\"itemId\":\"mi-matrix\",\"target\":\"STATIONS\",\"stationIds\":[\"s-901\"]}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(slide.statusCode()).as(slide.body()).isEqualTo(422);
    assertThat(slide.body()).contains("itemId").doesNotContain("mi-matrix");
    assertThat(send(Who.ADMIN, "GET", "/admin/media/slides/new", null, null).body())
        .as("its own county lists it")
        .contains("矩阵测试海报");
  }

  private List<String> ids(Who who, String path) throws IOException {
    HttpResponse<String> answer = send(who, "GET", path, null, null);
    assertThat(answer.statusCode()).as(path + " " + answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(answer.body()).forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  // ---- the routes ----

  /**
   * Every route of the router by "METHOD /template"; two routes of one key differ in what they
   * consume (the router lists each once per listener: once is enough).
   */
  private Map<String, List<UriRouteInfo<?, ?>>> routes() {
    Map<String, Map<List<?>, UriRouteInfo<?, ?>>> byKey = new TreeMap<>();
    hub.bean(Router.class)
        .uriRoutes()
        .forEach(
            r ->
                byKey
                    .computeIfAbsent(
                        r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString(),
                        k -> new LinkedHashMap<>())
                    .putIfAbsent(r.getConsumes(), r));
    Map<String, List<UriRouteInfo<?, ?>>> routes = new TreeMap<>();
    byKey.forEach((key, byConsumes) -> routes.put(key, List.copyOf(byConsumes.values())));
    return routes;
  }

  private String path(UriRouteInfo<?, ?> info, Route route, Who who, Side side) {
    Map<String, String> values = new LinkedHashMap<>();
    String template = info.getUriMatchTemplate().toPathString();
    if (route.fill() != null) {
      values.putAll(route.fill().apply(who, side));
    }
    for (String name : info.getUriMatchTemplate().getVariableNames()) {
      values.computeIfAbsent(name, n -> variable(template, n, side));
    }
    String path = info.getUriMatchTemplate().expand(new LinkedHashMap<>(values));
    String query = route.query().replace("{station}", records.get(side).get("station"));
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** A path variable: by the segment before it ("deputies/{id}" is a deputy), else by its name. */
  private String variable(String template, String name, Side side) {
    Map<String, String> r = records.get(side);
    Matcher m = Pattern.compile("([^/{}]+)/\\{" + name + "}").matcher(template);
    String segment = m.find() ? m.group(1) : "";
    String value =
        switch (segment + "/" + name) {
          case "stations/id", "stations/stationId", "fleet/id" -> r.get("station");
          case "deputies/id", "deputies/deputyId" -> r.get("deputy");
          case "present/deputyId", "attendance/deputyId" -> r.get("offDuty");
          case "receptions/id" -> r.get("reception");
          case "notices/id" -> r.get("notice");
          case "slides/id", "media-slides/id" -> r.get("slide");
          case "activities/id" -> r.get("activity");
          case "cases/id" -> r.get("case");
          case "rules/id" -> r.get("rule");
          case "bookings/id" -> r.get("booking");
          case "reports/id", "r/id" -> r.get("report");
          case "rounds/id", "livelihood/id" -> r.get("round");
          case "lv/id" -> r.get("voteSession");
          case "proposals/proposalId" -> r.get("proposal");
          case "supervise/projectId", "livelihood/projectId" -> r.get("electedProject");
          // a round's projects under review (初定与审议), or an elected one on the public page
          case "projects/projectId" ->
              template.startsWith("/livelihood/") ? r.get("electedProject") : r.get("project");
          case "milestones/milestoneId" -> r.get("milestone");
          case "supervisors/deputyId" -> "d-0001";
          case "reports/progressId" -> r.get("progress");
          case "staff/id" -> spareAccount;
          case "departments/id" -> "dep-housing";
          case "entries/id" -> r.get("pointEntry");
          case "evidence/file" -> r.get("evidence");
          // a year not over: an allowed close is refused as invalid (422), nothing closed
          case "years/year" -> "2099";
          case "aspects/aspectId" -> "asp-" + liaison.hub.demo.DemoCounty.COUNTY + "-support";
          // a day gone by: an allowed removal is refused as invalid (422), nothing removed
          case "days/date" -> "2020-01-01";
          case "notifications/id" -> r.get("notification");
          case "rollouts/id" -> r.get("rollout");
          case "media/id" -> r.get("media");
          case "media/sha256" -> r.get("mediaFile");
          case "o/token", "b/token", "l/token" -> r.get("token");
          case "n/token" -> r.get("smsStop");
          case "t/code" -> r.get("tracking");
          case "booked/code" -> r.get("bookingCode");
          case "enrolments/code" -> "K7QX-M4PD";
          case "photos/file" -> r.get("photo") + ".jpg";
          case "screenshots/file" -> r.get("screenshot") + ".png";
          case "lang/lang" -> "en";
          case "health/selector" -> "liveness";
          default ->
              switch (name) {
                case "kind" -> "stations";
                case "step" -> "register";
                case "name" -> "NOPE";
                // a rollout's action: halting a running one, refused (409) once halted
                case "action" -> "halt";
                default -> null;
              };
        };
    if (value == null) {
      throw new IllegalStateException(
          "no value for {" + name + "} in " + template + ": add one to variable()");
    }
    return value;
  }

  // ---- asking ----

  private HttpResponse<String> send(Who who, UriRouteInfo<?, ?> info, String path) {
    Session session = sessions.get(who);
    return send(who, info, path, session == null ? null : session.csrf());
  }

  /**
   * The route's harmless request (an invalid body of the kind it consumes) with the given CSRF
   * token.
   */
  private HttpResponse<String> send(Who who, UriRouteInfo<?, ?> info, String path, String csrf) {
    String method = info.getHttpMethodName();
    if (method.equals("GET") || method.equals("DELETE") || info.getConsumes().isEmpty()) {
      return send(who, method, path, null, null, csrf);
    }
    String type = info.getConsumes().getFirst().toString();
    return switch (type) {
      case "application/json" ->
          send(who, method, path, type, "{}".getBytes(StandardCharsets.UTF_8), csrf);
      case "application/x-www-form-urlencoded" ->
          send(who, method, path, type, "x=1".getBytes(StandardCharsets.UTF_8), csrf);
      case "multipart/form-data" -> {
        String boundary = "----matrix" + made.incrementAndGet();
        String body = "";
        for (String part : List.of("photo", "file")) {
          body +=
              "--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part
                  + "\"; filename=\"x.png\"\r\n"
                  + "Content-Type: image/png\r\n\r\nnot a picture\r\n";
        }
        body += "--" + boundary + "--\r\n";
        yield send(
            who,
            method,
            path,
            "multipart/form-data; boundary=" + boundary,
            body.getBytes(StandardCharsets.UTF_8),
            csrf);
      }
      default ->
          send(
              who,
              method,
              path,
              type,
              "not a picture, nor a sheet".getBytes(StandardCharsets.UTF_8),
              csrf);
    };
  }

  private HttpResponse<String> send(
      Who who, String method, String path, String contentType, byte[] body) {
    Session session = sessions.get(who);
    return send(who, method, path, contentType, body, session == null ? null : session.csrf());
  }

  /**
   * As {@link #send(Who, String, String, String, byte[])} with the given CSRF token, or none when
   * null.
   */
  private HttpResponse<String> send(
      Who who, String method, String path, String contentType, byte[] body, String csrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hub.url(path))
            .header(
                "Accept",
                path.startsWith("/api/") ? "application/json, */*;q=0.5" : "text/html, */*;q=0.5")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    Session session = sessions.get(who);
    if (session != null) {
      request.header("Cookie", "liaison_session=" + session.cookie());
      if (csrf != null) {
        request.header("X-CSRF-Token", csrf);
      }
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldLetTheMetricsTokenAloneReadTheFigures() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> withToken =
        http.send(
            HttpRequest.newBuilder(hub.url("/metrics"))
                .header("Authorization", "Bearer " + METRICS)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(withToken.statusCode()).isEqualTo(200);
    assertThat(withToken.body()).contains("liaison_stations_online");
  }

  /**
   * ALLOW: answered (a page, a redirect elsewhere, 422 or 409 for the harmless input); DENY: 401,
   * 403, or 404 hiding a record; LOGIN: sent to the log-in page first; ERROR: the hub failed. (A
   * public route may answer 404 for an unknown code, to everyone alike.)
   */
  private static String outcome(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status >= 500) {
      return "ERROR";
    }
    if (status / 100 == 3
        && answer.headers().firstValue("Location").orElse("").startsWith("/login?next=")) {
      return "LOGIN";
    }
    return status == 401 || status == 403 || status == 404 ? "DENY" : "ALLOW";
  }

  private static String expectedOutcome(Rule rule, Who who, Side side, String path) {
    if (rule.allows(who, side)) {
      return "ALLOW";
    }
    return who == Who.ANONYMOUS
            && (path.startsWith("/admin")
                || path.startsWith("/dept")
                // a deputy's own pages, not every path that begins with the letters (/metrics)
                || path.equals("/me")
                || path.startsWith("/me/"))
        ? "LOGIN"
        : "DENY";
  }

  // ---- the records each side's requests name ----

  private String smsStop(liaison.hub.db.Database jdbi, String phone) {
    return jdbi.inTransaction(h -> hub.bean(liaison.hub.notify.SmsStops.class).link(h, phone))
        .substring("n/".length());
  }

  private void s1AndS2Records(liaison.hub.db.Database jdbi) throws Exception {
    Map<String, String> s1 = records.get(Side.S1);
    Map<String, String> s2 = records.get(Side.S2);
    s1.put("station", "s-001");
    s2.put("station", "s-002");
    s1.put("deputy", "d-0001");
    s2.put("deputy", "d-0006");
    // Deputies assigned to the side's station's county but not on duty at its reception.
    s1.put("offDuty", "d-0009");
    s2.put("offDuty", "d-0010");
    s1.put("reception", "r-0001");
    s2.put("reception", todaysReception(jdbi, "s-002"));
    s1.put("rule", created("/api/rules", rule("s-001", "d-0001")));
    s2.put("rule", "rr-0001");
    s1.put("notice", created("/api/notices", notice("s-001")));
    s2.put("notice", "n-0002");
    s1.put("activity", "pa-0001");
    s2.put("activity", "pa-0008");
    liaison.hub.media.MediaItems.image(
        jdbi,
        hub.bean(liaison.hub.media.MediaStore.class),
        "mi-matrix",
        null,
        "矩阵测试海报",
        600,
        800,
        java.awt.Color.BLUE);
    s1.put("slide", freshSlide(Side.S1));
    s2.put("slide", freshSlide(Side.S2));
    for (Side side : Side.values()) {
      Map<String, String> r = records.get(side);
      r.put(
          "token",
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT public_token FROM station WHERE id = :id")
                      .bind("id", r.get("station"))
                      .mapTo(String.class)
                      .one()));
    }
    // A number's SMS stop link for each side.
    s1.put("smsStop", smsStop(jdbi, "13811112222"));
    s2.put("smsStop", smsStop(jdbi, "13922223333"));
    // An opinion addressed to 陈秀兰 at s-001, with the resident's contact; one at s-002 with its
    // contact.
    String tracking = TrackingCodes.next();
    OffsetDateTime now = OffsetDateTime.now();
    jdbi.useTransaction(
        h -> {
          hub.bean(CaseRepository.class)
              .insert(
                  h,
                  new OpinionCase(
                      "case-matrix01",
                      tracking,
                      "s-001",
                      "d-0001",
                      Category.TRANSPORT,
                      "路口红绿灯太短。",
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
                      null));
          hub.bean(CaseRepository.class)
              .insertContact(h, new CaseContact("case-matrix01", "居民", "13811112222", now, false));
        });
    s1.put("case", "case-matrix01");
    s1.put("tracking", tracking);
    s2.put("case", "case-demo0006");
    s2.put(
        "tracking",
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT tracking_code FROM opinion_case WHERE id = 'case-demo0006'")
                    .mapTo(String.class)
                    .one()));
    departmentCases(jdbi);
    // The demo's booking at s-001, and one at s-002's reception today.
    s1.put("booking", "b-demo000001");
    s1.put("bookingCode", "B-DEMX-7Q4K");
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO reception_booking (id, slot_id, code, name, phone, party_size, topic, status, booked_at)
                    VALUES ('b-matrix0002', :slot, 'B-TEST-2Q4K', '李先生', '13900139000', 1, '', 'BOOKED', :at)
                    """)
                .bind("slot", s2.get("reception"))
                .bind("at", Sql.instant(now))
                .execute());
    s2.put("booking", "b-matrix0002");
    s2.put("bookingCode", "B-TEST-2Q4K");
    // A report to voters at each station, its vote closed: every step is then refused (409).
    for (Map<String, String> side : List.of(s1, s2)) {
      String id = "vr-matrix" + (side == s1 ? "01" : "02");
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      """
                      INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title,
                        status, closed_at, satisfied, tally_seq, created_by, created_at)
                      VALUES (:id, 'd-0001', :station, :at, :at2, '年度述职', 'CLOSED', :at2, 3, 5,
                        'u-matrix', :at)
                      """)
                  .bind("id", id)
                  .bind("station", side.get("station"))
                  .bind("at", Sql.instant(now.minusHours(2)))
                  .bind("at2", Sql.instant(now.minusHours(1)))
                  .execute());
      side.put("report", id);
    }
    // A livelihood round of each side's township, its collection closed (so every step of an
    // allowed person is refused as invalid or out of turn), with one proposal.
    for (Map<String, String> side : List.of(s1, s2)) {
      String n = side == s1 ? "01" : "02";
      String township = side == s1 ? "t-chengguan" : "t-baisha";
      jdbi.useHandle(
          h -> {
            h.createUpdate(
                    """
                    INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
                      closes_on, state, created_by, created_at, updated_at)
                    VALUES (:id, :county, :township, 2099, '民生实事', '2026-01-01', '2026-01-31',
                      'REVIEWING', 'u-matrix', :at, :at)
                    """)
                .bind("id", "lr-matrix" + n)
                .bind("county", liaison.hub.demo.DemoCounty.COUNTY)
                .bind("township", township)
                .bind("at", Sql.instant(now))
                .execute();
            h.createUpdate(
                    """
                    INSERT INTO livelihood_proposal (id, round_id, source, station_id, category,
                      title, description, status, submitted_at)
                    VALUES (:id, :round, 'RESIDENT', :station, 'TRANSPORT', '路灯', '路灯坏了',
                      'SUBMITTED', :at)
                    """)
                .bind("id", "lp-matrix" + n)
                .bind("round", "lr-matrix" + n)
                .bind("station", side.get("station"))
                .bind("at", Sql.instant(now))
                .execute();
            h.createUpdate(
                    """
                    INSERT INTO livelihood_project (id, round_id, position, category, title,
                      description, state, created_at, updated_at)
                    VALUES (:id, :round, 1, 'TRANSPORT', '路灯', '路灯坏了', 'DRAFT', :at, :at)
                    """)
                .bind("id", "lj-matrix" + n)
                .bind("round", "lr-matrix" + n)
                .bind("at", Sql.instant(now))
                .execute();
          });
      // and its vote planned (the round not shortlisted: an allowed step is out of turn, 409)
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      """
                      INSERT INTO livelihood_vote_session (id, round_id, title, held_on, choices,
                        rule, deputies_total, state, created_by, created_at)
                      VALUES (:id, :round, '人代会', '2099-01-10', 1, 'MORE_THAN_HALF_OF_ALL', 3,
                        'PLANNED', 'u-matrix', :at)
                      """)
                  .bind("id", "lvs-matrix" + n)
                  .bind("round", "lr-matrix" + n)
                  .bind("at", Sql.instant(now))
                  .execute());
      side.put("round", "lr-matrix" + n);
      side.put("proposal", "lp-matrix" + n);
      side.put("voteSession", "lvs-matrix" + n);
      side.put("project", "lj-matrix" + n);
    }
    // A photo anyone may fetch, and a screenshot of each station.
    HttpResponse<String> photo =
        send(Who.ADMIN, "POST", "/api/deputies/d-0002/photo", "image/png", png(Color.RED));
    assertThat(photo.statusCode()).as(photo.body()).isEqualTo(200);
    s1.put("photo", json.readTree(photo.body()).path("photo").asText());
    s2.put("photo", s1.get("photo"));
    // An elected project of each side's round, 县交通运输局's (S1, supervised by 陈秀兰) and
    // 县住房和城乡建设局's (S2), each with a milestone and a progress report with a photo.
    for (Map<String, String> side : List.of(s1, s2)) {
      String n = side == s1 ? "01" : "02";
      jdbi.useHandle(
          h -> {
            h.createUpdate(
                    """
                    INSERT INTO livelihood_project (id, round_id, position, category, title,
                      description, department_id, state, progress, created_at, updated_at)
                    VALUES (:id, :round, 1, 'TRANSPORT', '路灯', '路灯', :dep, 'ELECTED', 40, :at, :at)
                    """)
                .bind("id", "pj-supervise" + n)
                .bind("round", side.get("round"))
                .bind("dep", side == s1 ? "dep-transport" : "dep-housing")
                .bind("at", Sql.instant(OffsetDateTime.now()))
                .execute();
            h.execute(
                "INSERT INTO livelihood_milestone (id, project_id, position, title, due_on)"
                    + " VALUES (?, ?, 1, '完工', '2099-06-30')",
                "lm-supervise" + n,
                "pj-supervise" + n);
            h.execute(
                "INSERT INTO livelihood_progress (id, project_id, percent, text, reported_by,"
                    + " reported_at) VALUES (?, ?, 40, '路基完成', 'u-matrix', ?)",
                "lpg-supervise" + n,
                "pj-supervise" + n,
                Sql.instant(OffsetDateTime.now()));
            h.execute(
                "INSERT INTO livelihood_progress_photo (progress_id, position, sha256)"
                    + " VALUES (?, 1, ?)",
                "lpg-supervise" + n,
                side.get("photo"));
          });
      side.put("electedProject", "pj-supervise" + n);
      side.put("milestone", "lm-supervise" + n);
      side.put("progress", "lpg-supervise" + n);
    }
    jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO livelihood_supervisor (project_id, deputy_id)"
                    + " VALUES ('pj-supervise01', 'd-0001')"));
    // A resident's photo on each side's case, served only through the case.
    for (Map<String, String> side : List.of(s1, s2)) {
      String casePhoto =
          hub.bean(liaison.hub.photo.PhotoStore.class)
              .store(png(side == s1 ? Color.ORANGE : Color.CYAN));
      jdbi.useTransaction(
          h -> hub.bean(CaseRepository.class).insertPhoto(h, side.get("case"), 9, casePhoto));
      side.put("casePhoto", casePhoto);
      // The same photo sent with the side's livelihood proposal, served to the round's staff.
      jdbi.useTransaction(
          h ->
              h.execute(
                  "INSERT INTO livelihood_proposal_photo (proposal_id, position, sha256)"
                      + " VALUES (?, 1, ?)",
                  side.get("proposal"),
                  casePhoto));
    }
    // A message of 青溪县's outbox about each side's case: not given up, so an administrator's
    // 重新发送 is refused (409), another county's is not found.
    for (Map<String, String> side : List.of(s1, s2)) {
      String key = "matrix:" + side.get("case");
      jdbi.useTransaction(
          h ->
              hub.bean(Outbox.class)
                  .enqueue(
                      h,
                      Notification.email(
                              DemoCounty.COUNTY,
                              "jiaotong@example.cn",
                              "case-forwarded",
                              "【交办】",
                              "")
                          .aboutCase(side.get("case"))
                          .once(key)));
      side.put(
          "notification",
          jdbi.withHandle(
              h ->
                  h.createQuery("SELECT id FROM notification WHERE once_key = :key")
                      .bind("key", key)
                      .mapTo(String.class)
                      .one()));
    }
    // An entry of each side's station's own media library.
    s1.put("media", freshMedia(Side.S1));
    s2.put("media", freshMedia(Side.S2));
    for (Map<String, String> side : List.of(s1, s2)) {
      HttpResponse<String> entry =
          send(Who.ADMIN, "GET", "/api/media/" + side.get("media"), null, null);
      side.put(
          "mediaFile", json.readTree(entry.body()).path("files").path(0).path("sha256").asText());
    }
    s1.put("screenshot", screenshot(jdbi, "s-001", Color.BLUE));
    s2.put("screenshot", screenshot(jdbi, "s-002", Color.GREEN));
    // Each screen has a credential, and each station's content is published.
    hub.stationPassword("s-001");
    hub.stationPassword("s-002");
    await()
        .until(
            () ->
                send(Who.ADMIN, "GET", "/api/stations/s-001/content", null, null).statusCode()
                        == 200
                    && send(Who.ADMIN, "GET", "/api/stations/s-002/content", null, null)
                            .statusCode()
                        == 200);
  }

  /**
   * A case of each side forwarded to a department through the API as the county does it (S1's,
   * addressed to 陈秀兰, to 县交通运输局; S2's to 县住房和城乡建设局), each with a resident's photo and a file the
   * department attached.
   */
  private void departmentCases(liaison.hub.db.Database jdbi) {
    Map<Side, String[]> cases =
        Map.of(
            Side.S1, new String[] {"case-matrixd1", "s-001", "d-0001", "dep-transport"},
            Side.S2, new String[] {"case-matrixd2", "s-002", null, "dep-housing"});
    OffsetDateTime now = OffsetDateTime.now();
    for (Side side : Side.values()) {
      String[] c = cases.get(side);
      String photo = hub.bean(liaison.hub.photo.PhotoStore.class).store(png(Color.MAGENTA));
      liaison.hub.opinion.ReplyFiles files = hub.bean(liaison.hub.opinion.ReplyFiles.class);
      byte[] letter = png(side == Side.S1 ? Color.PINK : Color.YELLOW);
      liaison.hub.opinion.ReplyFiles.Checked file =
          files
              .check(
                  List.of(new liaison.hub.opinion.ReplyFiles.Upload("现场.png", letter)),
                  new liaison.hub.problem.ValidationProblem.Collector())
              .getFirst();
      jdbi.useTransaction(
          h -> {
            CaseRepository repository = hub.bean(CaseRepository.class);
            repository.insert(
                h,
                OpinionCase.submitted(
                    c[0],
                    TrackingCodes.next(),
                    c[1],
                    c[2],
                    Category.URBAN_RURAL,
                    "小区门口的排水沟堵了。",
                    now,
                    false));
            repository.insertPhoto(h, c[0], 0, photo);
            files.attach(h, c[0], c[3], "matrix", now, List.of(file));
          });
      for (String[] step :
          List.of(
              new String[] {"register", "{\"category\":\"URBAN_RURAL\",\"summary\":\"排水沟堵塞\"}"},
              new String[] {"forward", "{\"departmentId\":\"" + c[3] + "\"}"})) {
        HttpResponse<String> answer =
            send(
                Who.ADMIN,
                "POST",
                "/api/cases/" + c[0] + "/" + step[0],
                "application/json",
                step[1].getBytes(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).as(step[0] + " " + answer.body()).isEqualTo(200);
      }
      records.get(side).put("deptCase", c[0]);
      records.get(side).put("deptPhoto", photo);
      records.get(side).put("deptFile", file.hash());
    }
    // A hand entry of duty points awaiting a decision for the side's deputy, with a PDF as its
    // evidence.
    Staff countyAdmin =
        new Staff("u-matrix", "admin", "管理员", Role.COUNTY_ADMIN, DemoCounty.COUNTY, null, Set.of());
    for (Side side : Side.values()) {
      liaison.hub.duty.DutyEntry entry =
          hub.bean(liaison.hub.duty.DutyPoints.class)
              .enter(
                  countyAdmin,
                  new liaison.hub.duty.DutyPoints.Draft(
                      records.get(side).get("deputy"),
                      LocalDate.now(liaison.hub.db.Sql.ZONE).toString(),
                      "TRAINING",
                      "矩阵"),
                  List.of(
                      new liaison.hub.opinion.ReplyFiles.Upload(
                          "证明.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))));
      records.get(side).put("pointEntry", entry.id());
      records.get(side).put("evidence", entry.evidence().file());
    }
    // A station bundle and a rollout of it to each side's station.
    hub.bean(liaison.hub.software.StationBundles.class)
        .upload(
            countyAdmin,
            new java.io.ByteArrayInputStream(
                liaison.hub.software.TestBundles.bundle("0.9.0", "linux-x64").tarGz()));
    for (Side side : Side.values()) {
      records
          .get(side)
          .put(
              "rollout",
              hub.bean(liaison.hub.software.SoftwareRollouts.class)
                  .start(
                      countyAdmin,
                      new liaison.hub.software.SoftwareRollouts.Draft(
                          "0.9.0",
                          liaison.hub.software.SoftwareRollouts.Scope.STATION,
                          records.get(side).get("station")))
                  .id());
    }
    suggestionRecords();
  }

  /**
   * A deputy's suggestion per side, with a photo, forwarded and replied to with a promise: S1's
   * 陈秀兰's (chenxl) forwarded to 县交通运输局, S2's 刘桂芳's forwarded to 县住房和城乡建设局.
   */
  private void suggestionRecords() {
    StaffAccountRepository accounts = hub.bean(StaffAccountRepository.class);
    liaison.hub.suggestion.Suggestions suggestions =
        hub.bean(liaison.hub.suggestion.Suggestions.class);
    Staff admin = accounts.byUsername("admin").orElseThrow().staff();
    for (Side side : Side.values()) {
      boolean s1 = side == Side.S1;
      Staff maker = s1 ? accounts.byUsername("chenxl").orElseThrow().staff() : admin;
      String department = s1 ? "dep-transport" : "dep-housing";
      Staff answering = accounts.byUsername(s1 ? "jiaotong" : "zhujian").orElseThrow().staff();
      String id =
          suggestions
              .make(
                  maker,
                  new liaison.hub.suggestion.Suggestions.Draft(
                      s1 ? null : "d-0006", "关于修缮村道的建议", "村道年久失修。", "TRANSPORT"),
                  List.of(
                      new liaison.hub.opinion.ReplyFiles.Upload(
                          "村道.png", png(s1 ? Color.CYAN : Color.GREEN))))
              .id();
      suggestions.forward(admin, id, department, List.of(), null);
      suggestions.reply(
          answering,
          id,
          "年内修缮。",
          List.of(
              new liaison.hub.suggestion.Suggestions.PromiseDraft(
                  "年底前完成修缮", LocalDate.now(Sql.ZONE).plusMonths(3).toString())));
      liaison.hub.suggestion.Suggestions.Dossier d = suggestions.open(admin, id);
      records.get(side).put("suggestion", id);
      records.get(side).put("suggestionFile", d.files().getFirst().file());
      records.get(side).put("promise", d.promises().getFirst().id());
    }
  }

  /** A deputy made for one request, sitting at the side's station only. */
  private String freshDeputy(Side side) {
    int n = made.incrementAndGet();
    return created(
        "/api/deputies",
        "{\"name\":\"试用"
            + n
            + "\",\"levels\":[\"TOWNSHIP\"],\"constituency\":\"第"
            + n
            + "选区\",\"stationIds\":[\""
            + records.get(side).get("station")
            + "\"]}");
  }

  /** A reception made for one request, far ahead so it clashes with nothing. */
  private String freshReception(Side side) {
    Map<String, String> r = records.get(side);
    LocalDate day = LocalDate.now().plusDays(200 + made.incrementAndGet());
    return created(
        "/api/receptions",
        "{\"stationId\":\""
            + r.get("station")
            + "\",\"date\":\""
            + day
            + "\",\"start\":\"09:00\",\"end\":\"10:00\","
            + "\"location\":\"会议室\",\"status\":\"PLANNED\",\"deputyIds\":[\""
            + r.get("deputy")
            + "\"]}");
  }

  /** An activity of the side's station's plan, made for one request. */
  private String freshActivity(Side side) {
    return created(
        "/api/activities",
        "{\"stationId\":\""
            + records.get(side).get("station")
            + "\",\"date\":\""
            + LocalDate.now().plusDays(30)
            + "\",\"kind\":\"RESEARCH\",\"theme\":\"矩阵测试调研\"}");
  }

  /** A poster in the side's station's own library, of its own pixels, made for one request. */
  private String freshMedia(Side side) {
    int n = made.incrementAndGet();
    HttpResponse<String> answer =
        send(
            Who.ADMIN,
            "POST",
            "/api/media?fileName=matrix.png&station=" + records.get(side).get("station"),
            "image/png",
            // distinct for the first 65,536 posters: the colours of n * 37, n * 11, n repeated
            // after 256, and the table now asks for more than that
            png(new Color(n % 256, n / 256 % 256, 77)));
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "POST /api/media answered " + answer.statusCode() + " " + answer.body());
    }
    try {
      return json.readTree(answer.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String freshNotice(Side side) {
    return created("/api/notices", notice(records.get(side).get("station")));
  }

  /** A slide of the matrix's county poster on the side's station alone, made for one request. */
  private String freshSlide(Side side) {
    return created(
        "/api/media-slides",
        "{\"itemId\":\"mi-matrix\",\"target\":\"STATIONS\",\"stationIds\":[\""
            + records.get(side).get("station")
            + "\"]}");
  }

  private String freshRule(Side side) {
    Map<String, String> r = records.get(side);
    return created("/api/rules", rule(r.get("station"), r.get("deputy")));
  }

  private static String notice(String station) {
    return "{\"title\":\"矩阵测试公告\",\"body\":\"正文\",\"priority\":\"NORMAL\",\"validUntil\":\""
        + LocalDate.now().plusDays(7)
        + "T18:00\",\"target\":\"STATIONS\",\"stationIds\":[\""
        + station
        + "\"]}";
  }

  /** A weekly rule starting far ahead, so it makes no slots. */
  private String rule(String station, String deputy) {
    return "{\"stationId\":\""
        + station
        + "\",\"kind\":\"WEEKLY\",\"weekday\":\"6\",\"start\":\"19:00\",\"end\":\"20:00\","
        + "\"location\":\"会议室\",\"validFrom\":\""
        + LocalDate.now().plusYears(2).plusDays(made.incrementAndGet())
        + "\",\"deputyIds\":[\""
        + deputy
        + "\"]}";
  }

  private String created(String path, String body) {
    HttpResponse<String> answer =
        send(Who.ADMIN, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    if (answer.statusCode() != 201) {
      throw new IllegalStateException(
          "POST " + path + " " + body + " answered " + answer.statusCode() + " " + answer.body());
    }
    try {
      return json.readTree(answer.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String todaysReception(liaison.hub.db.Database jdbi, String station) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM reception_slot WHERE station_id = :s AND slot_date = :d ORDER BY start_time LIMIT 1")
                .bind("s", station)
                .bind("d", LocalDate.now(Sql.ZONE).toString())
                .mapTo(String.class)
                .one());
  }

  /** A screenshot of the station as its screen would have uploaded it for a SCREENSHOT command. */
  private String screenshot(liaison.hub.db.Database jdbi, String station, Color color) {
    ScreenshotStore store = hub.bean(ScreenshotStore.class);
    ScreenshotStore.Checked shot = store.check(png(color));
    store.save(shot);
    OffsetDateTime now = OffsetDateTime.now();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO station_command (id, station_id, name, issued_by, issued_at, expires_at, status, screenshot_hash)
                    VALUES (:id, :station, 'SCREENSHOT', 'matrix', :at, :at, 'OK', :hash)
                    """)
                .bind("id", "cmd-matrix-" + station)
                .bind("station", station)
                .bind("at", Sql.instant(now))
                .bind("hash", shot.hash())
                .execute());
    return shot.hash();
  }

  private static byte[] png(Color color) {
    BufferedImage image = new BufferedImage(60, 80, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 60, 80);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Session logIn(String username) {
    String form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        send(
            null,
            "POST",
            "/login",
            "application/x-www-form-urlencoded",
            form.getBytes(StandardCharsets.UTF_8));
    Matcher cookie = SESSION.matcher(String.join(";", answer.headers().allValues("Set-Cookie")));
    if (answer.statusCode() != 303 || !cookie.find()) {
      throw new IllegalStateException("log-in as " + username + " answered " + answer.statusCode());
    }
    Session session = new Session(cookie.group(1), "");
    sessions.put(Who.ANONYMOUS, session); // borrowed for the next request only
    // A department's account is sent from the staff's home to its inbox, which carries the token.
    String landing = username.equals("jiaotong") || username.equals("zhujian") ? "/dept" : "/admin";
    HttpResponse<String> home = send(Who.ANONYMOUS, "GET", landing, null, null);
    sessions.remove(Who.ANONYMOUS);
    Matcher csrf = CSRF.matcher(home.body());
    if (!csrf.find()) {
      throw new IllegalStateException("no CSRF token on " + landing + " for " + username);
    }
    return new Session(cookie.group(1), csrf.group(1));
  }

  private static String shorten(String body) {
    String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
  }
}
