package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import liaison.hub.livelihood.DeputyVotes;
import liaison.hub.mywork.MyWork;
import liaison.hub.mywork.PhoneSignIn;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 我的: a deputy's own pages, phone first: the landing page {@code /me} (their receptions, the
 * opinions left for them, their suggestions, points and reports to voters, each short with a link
 * to more), the opinions in full ({@code /me/messages}), the year's points ({@code /me/points}),
 * and signing in at a reception by scanning the station's screen ({@code /me/sign-in}, the address
 * the screen's QR code opens). Only a deputy's account has these pages; any other is told there are
 * none.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/me")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MyWorkController {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** The opinions the landing page lists; the rest are on {@code /me/messages}. */
  static final int OPINIONS_SHOWN = 5;

  /** Opinions still being handled: the landing page counts them apart from the finished ones. */
  private static final Set<CaseStatus> FINISHED =
      Set.of(CaseStatus.CLOSED, CaseStatus.CLOSED_WITH_GUIDANCE, CaseStatus.MERGED);

  private final MyWork myWork;
  private final PhoneSignIn phoneSignIn;
  private final DeputyVotes deputyVotes;

  public MyWorkController(MyWork myWork, PhoneSignIn phoneSignIn, DeputyVotes deputyVotes) {
    this.myWork = myWork;
    this.phoneSignIn = phoneSignIn;
    this.deputyVotes = deputyVotes;
  }

  /**
   * A reception as the deputy's page shows it, its words ready.
   *
   * @param signIn "已签到（扫码）" / "未签到" for today's and past ones; empty for a later one
   */
  public record ReceptionLine(
      String day,
      String time,
      String station,
      String location,
      String theme,
      String others,
      String signIn,
      boolean signedIn) {}

  /** An opinion as the deputy reads it: never the resident's name or phone. */
  public record OpinionLine(
      String submitted, String category, String status, String text, String via) {}

  /** A count in words ("已交办 2"). */
  public record Count(String label, int count) {}

  /** A suggestion as the landing page lists it. */
  public record SuggestionLine(String title, String status, String submitted) {}

  /** A report to voters as the deputy's page lists it. */
  public record ReportLine(
      String when, String station, String title, String status, @Nullable String result) {}

  /** An entry of the year's points. */
  public record PointLine(String day, String kind, String points, String status, String note) {}

  /** me/home: the deputy's landing page. */
  @Introspected
  public record HomePage(
      Frame frame,
      String name,
      List<ReceptionLine> coming,
      List<ReceptionLine> past,
      List<OpinionLine> opinions,
      int opinionsInAll,
      List<Count> opinionCounts,
      List<Count> suggestionCounts,
      List<SuggestionLine> suggestions,
      MyWork.Points points,
      List<ReportLine> comingReports,
      List<ReportLine> pastReports,
      List<DeputyVotes.OpenBallot> votes) {}

  /** me/messages: every opinion the deputy is involved in. */
  @Introspected
  public record MessagesPage(Frame frame, List<OpinionLine> opinions) {}

  /** me/points: the year's entries and total. */
  @Introspected
  public record PointsPage(Frame frame, MyWork.Points points, List<PointLine> entries) {}

  /**
   * me/sign-in: the answer to a scan.
   *
   * @param heading "已签到" / "已经签到过了" / "未能签到"
   * @param reason why it was refused; null when signed in
   */
  @Introspected
  public record SignInPage(
      Frame frame,
      boolean ok,
      String heading,
      @Nullable String reason,
      @Nullable String reception) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<HomePage> home(HttpRequest<?> request, Staff staff) {
    Lang lang = Lang.of(request);
    MyWork.Home home = myWork.home(staff);
    List<OpinionLine> opinions = home.opinions().stream().map(o -> opinion(o, lang)).toList();
    Map<String, Integer> byStatus = new TreeMap<>();
    home.opinions()
        .forEach(
            o ->
                byStatus.merge(
                    lang.text(
                        Text.of(
                            FINISHED.contains(o.status())
                                ? "me.opinions.finished"
                                : "me.opinions.open")),
                    1,
                    Integer::sum));
    return new ModelAndView<>(
        "me/home",
        new HomePage(
            Frame.of(request, staff),
            home.deputy().name(),
            home.coming().stream()
                .map(r -> reception(r, staff, lang, r.date().equals(home.today())))
                .toList(),
            home.past().stream().map(r -> reception(r, staff, lang, true)).toList(),
            opinions.stream().limit(OPINIONS_SHOWN).toList(),
            opinions.size(),
            counts(byStatus),
            counts(
                home.suggestionCounts().entrySet().stream()
                    .collect(
                        java.util.stream.Collectors.toMap(
                            e ->
                                lang.text(
                                    Text.of(
                                        "suggestion.status."
                                            + e.getKey().toLowerCase(java.util.Locale.ROOT))),
                            Map.Entry::getValue,
                            Integer::sum,
                            TreeMap::new))),
            home.latestSuggestions().stream()
                .map(
                    s ->
                        new SuggestionLine(
                            s.title(),
                            lang.text(
                                Text.of(
                                    "suggestion.status."
                                        + s.status().toLowerCase(java.util.Locale.ROOT))),
                            DAY.format(s.submitted().atZoneSameInstant(SHANGHAI))))
                .toList(),
            home.points(),
            home.comingReports().stream().map(r -> report(r, lang)).toList(),
            home.pastReports().stream().map(r -> report(r, lang)).toList(),
            deputyVotes.openFor(staff)));
  }

  @Get(uri = "/messages", produces = MediaType.TEXT_HTML)
  public ModelAndView<MessagesPage> messages(HttpRequest<?> request, Staff staff) {
    Lang lang = Lang.of(request);
    return new ModelAndView<>(
        "me/messages",
        new MessagesPage(
            Frame.of(request, staff),
            myWork.opinions(staff).stream().map(o -> opinion(o, lang)).toList()));
  }

  @Get(uri = "/points", produces = MediaType.TEXT_HTML)
  public ModelAndView<PointsPage> points(HttpRequest<?> request, Staff staff) {
    Lang lang = Lang.of(request);
    MyWork.PointsPage page = myWork.points(staff);
    return new ModelAndView<>(
        "me/points",
        new PointsPage(
            Frame.of(request, staff),
            page.points(),
            page.entries().stream()
                .map(
                    e ->
                        new PointLine(
                            DAY.format(e.occurredOn()),
                            lang.text(e.kind().text()),
                            (e.points() > 0 ? "+" : "") + e.points(),
                            lang.text(Text.of("points.status." + e.status())),
                            e.note()))
                .toList()));
  }

  /**
   * The address the screen's sign-in QR code opens. A GET that records, on purpose: a phone's
   * camera opens an address, it cannot post a form; the code it carries is good for minutes, for
   * one reception and only for a deputy on duty there, and a second scan changes nothing.
   */
  @Get(uri = "/sign-in", produces = MediaType.TEXT_HTML)
  public HttpResponse<ModelAndView<SignInPage>> signIn(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String r,
      @Nullable @QueryValue String c) {
    Lang lang = Lang.of(request);
    Frame frame = Frame.of(request, staff);
    PhoneSignIn.Outcome outcome = phoneSignIn.signIn(staff, r == null ? "" : r, c == null ? "" : c);
    return switch (outcome) {
      case PhoneSignIn.SignedIn in ->
          HttpResponse.ok(
              new ModelAndView<>(
                  "me/sign-in",
                  new SignInPage(
                      frame,
                      true,
                      lang.text(Text.of(in.already() ? "me.sign-in.already" : "me.sign-in.done")),
                      null,
                      in.station()
                          + " · "
                          + DAY.format(in.slot().date())
                          + " "
                          + TIME.format(in.slot().start())
                          + "–"
                          + TIME.format(in.slot().end()))));
      case PhoneSignIn.Refused refused ->
          HttpResponse.<ModelAndView<SignInPage>>status(HttpStatus.UNPROCESSABLE_ENTITY)
              .body(
                  new ModelAndView<>(
                      "me/sign-in",
                      new SignInPage(
                          frame,
                          false,
                          lang.text(Text.of("me.sign-in.refused")),
                          lang.text(refused.reason()),
                          null)));
    };
  }

  private static final java.time.ZoneId SHANGHAI = java.time.ZoneId.of("Asia/Shanghai");

  private static List<Count> counts(Map<String, Integer> counts) {
    return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  private static ReceptionLine reception(MyWork.Reception r, Staff staff, Lang lang, boolean past) {
    String signIn = "";
    if (past) {
      signIn =
          !r.signedIn()
              ? lang.text(Text.of("me.reception.not-signed-in"))
              : staff.id().equals(r.attendance().markedBy())
                  ? lang.text(Text.of("me.reception.signed-in-by-phone"))
                  : lang.text(Text.of("me.reception.signed-in-by-staff"));
    }
    return new ReceptionLine(
        DAY.format(r.date()),
        TIME.format(r.start()) + "–" + TIME.format(r.end()),
        r.station(),
        r.location(),
        r.theme() == null ? "" : r.theme(),
        String.join("、", r.others()),
        signIn,
        r.signedIn());
  }

  private static OpinionLine opinion(MyWork.Opinion o, Lang lang) {
    return new OpinionLine(
        AT.format(o.submitted().atZoneSameInstant(SHANGHAI)),
        lang.text(o.category().text()),
        lang.text(o.status().text()),
        o.text(),
        lang.text(Text.of(o.forMe() ? "me.opinions.via-link" : "me.opinions.via-reception")));
  }

  private static ReportLine report(MyWork.Report r, Lang lang) {
    return new ReportLine(
        AT.format(r.startsAt().atZoneSameInstant(SHANGHAI)),
        r.station(),
        r.title(),
        lang.text(Text.of("report.status." + r.status())),
        "CLOSED".equals(r.status())
            ? lang.text(
                Text.of(
                    "me.report.result", r.satisfied(), r.basicallySatisfied(), r.dissatisfied()))
            : null);
  }
}
