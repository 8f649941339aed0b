package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import liaison.hub.ledger.ReceptionLedger;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The reception ledger (接待台账): a month of receptions with what staff wrote about them, the page of
 * one reception where staff enter how many came and their notes, and its printable 接待记录表.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReceptionLedgerAdminController {
  private final ReceptionLedger ledger;
  private final Access access;

  public ReceptionLedgerAdminController(ReceptionLedger ledger, Access access) {
    this.ledger = ledger;
    this.access = access;
  }

  /** A reception as the pages show it, in the reader's language. */
  public record Shown(
      String id,
      String date,
      String time,
      String station,
      String theme,
      String location,
      String onDuty,
      String signedIn,
      @Nullable Integer visitors,
      int motions,
      List<CollectedRow> collected,
      String note) {
    static Shown of(ReceptionLedger.Entry e, Lang lang) {
      var s = e.slot();
      return new Shown(
          s.id(),
          s.date().toString(),
          s.start() + "–" + s.end(),
          e.place().station().name(),
          s.theme() == null ? "" : s.theme(),
          s.location(),
          e.onDuty().isEmpty() ? "—" : String.join("、", e.onDuty()),
          e.signedIn().isEmpty() ? "—" : String.join("、", e.signedIn()),
          e.visitors(),
          e.motions(),
          e.collected().stream().map(c -> CollectedRow.of(c, lang)).toList(),
          e.note());
    }
  }

  /** An opinion received at the reception: its tracking code, category, summary and status. */
  public record CollectedRow(
      String caseId, String trackingCode, String category, String summary, String status) {
    static CollectedRow of(ReceptionLedger.Collected c, Lang lang) {
      return new CollectedRow(
          c.caseId(),
          c.trackingCode(),
          lang.text(c.category().text()),
          c.summary(),
          lang.text(c.status().text()));
    }
  }

  /** admin/reception-ledger: a month of receptions, of one station or all visible. */
  @Introspected
  public record LedgerListPage(
      Frame frame,
      List<Shown> rows,
      List<StationPlace> stations,
      String station,
      String month,
      int visitors,
      int collected) {}

  /**
   * admin/reception-ledger-entry: one reception's ledger entry with the form for how many came and
   * the notes; the messages beside the fields and what was typed when it came back.
   */
  @Introspected
  public record LedgerEntryPage(
      Frame frame,
      Shown row,
      boolean held,
      Map<String, List<String>> errors,
      String visitorsValue,
      String noteValue,
      boolean saved) {}

  /** admin/reception-record: the 接待记录表 of one reception, one A4 page printed. */
  @Introspected
  public record RecordPage(Frame frame, Shown row, String printedOn) {}

  @Get(uri = "/reception-ledger", produces = MediaType.TEXT_HTML)
  public ModelAndView<LedgerListPage> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String month) {
    access.requireEditor(staff);
    YearMonth chosen;
    try {
      chosen = ledger.month(month);
    } catch (ValidationProblem e) {
      chosen = ledger.month(null);
    }
    Lang lang = Lang.of(request);
    List<ReceptionLedger.Entry> entries = ledger.month(staff, station, chosen);
    return new ModelAndView<>(
        "admin/reception-ledger",
        new LedgerListPage(
            Frame.of(request, staff),
            entries.stream().map(e -> Shown.of(e, lang)).toList(),
            access.visibleStations(staff),
            station == null ? "" : station.strip(),
            chosen.toString(),
            entries.stream().mapToInt(e -> e.visitors() == null ? 0 : e.visitors()).sum(),
            entries.stream().mapToInt(e -> e.collected().size()).sum()));
  }

  @Get(uri = "/receptions/{id}/ledger", produces = MediaType.TEXT_HTML)
  public ModelAndView<LedgerEntryPage> entry(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    ReceptionLedger.Entry e = ledger.entry(staff, id);
    return new ModelAndView<>(
        "admin/reception-ledger-entry",
        new LedgerEntryPage(
            Frame.of(request, staff),
            Shown.of(e, Lang.of(request)),
            e.held(ledger.today()),
            Map.of(),
            e.visitors() == null ? "" : e.visitors().toString(),
            e.note(),
            "saved".equals(done)));
  }

  @Post(
      uri = "/receptions/{id}/ledger",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> write(
      HttpRequest<?> request, Staff staff, String id, @Nullable @Body String body) {
    FormData form = FormData.parse(body);
    try {
      ledger.write(staff, id, new ReceptionLedger.Written(form.get("visitors"), form.get("note")));
      return HttpResponse.seeOther(URI.create("/admin/receptions/" + id + "/ledger?done=saved"));
    } catch (ValidationProblem problem) {
      ReceptionLedger.Entry e = ledger.entry(staff, id);
      Lang lang = Lang.of(request);
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              new ModelAndView<>(
                  "admin/reception-ledger-entry",
                  new LedgerEntryPage(
                      Frame.of(request, staff),
                      Shown.of(e, lang),
                      e.held(ledger.today()),
                      FormErrors.byField(lang, problem.errors()),
                      form.get("visitors") == null ? "" : form.get("visitors"),
                      form.get("note") == null ? "" : form.get("note"),
                      false)));
    }
  }

  @Get(uri = "/receptions/{id}/record", produces = MediaType.TEXT_HTML)
  public ModelAndView<RecordPage> record(HttpRequest<?> request, Staff staff, String id) {
    ReceptionLedger.Entry e = ledger.entry(staff, id);
    Lang lang = Lang.of(request);
    return new ModelAndView<>(
        "admin/reception-record",
        new RecordPage(
            Frame.of(request, staff),
            Shown.of(e, lang),
            lang.text(Text.of("print.dated", ReceptionAdminController.longDate(ledger.today())))));
  }
}
