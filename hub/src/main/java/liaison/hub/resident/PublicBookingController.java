package liaison.hub.resident;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.booking.BookableStations;
import liaison.hub.booking.BookingLimiter;
import liaison.hub.booking.BookingService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.ClientAddresses;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Lang;
import liaison.hub.web.PublicLinks;

/**
 * The residents' booking pages, opened from a station's "扫码预约" QR code in WeChat's browser: no
 * log-in, no script, plain forms. {@code /b/{token}} lists the station's coming receptions with their
 * places and books one; {@code /b/booked/{code}} shows a booking; {@code /b/cancel} cancels by code.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/b")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicBookingController {
  private static final String[] WEEKDAYS_ZH = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  private static final String[] WEEKDAYS_EN = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  private final BookingService bookings;
  private final BookingLimiter limiter;
  private final BookableStations stations;
  private final PublicLinks links;
  private final ClientAddresses addresses;

  public PublicBookingController(
      BookingService bookings,
      BookingLimiter limiter,
      BookableStations stations,
      PublicLinks links,
      ClientAddresses addresses) {
    this.bookings = bookings;
    this.limiter = limiter;
    this.stations = stations;
    this.links = links;
    this.addresses = addresses;
  }

  /** An offer as the page shows it. */
  public record OfferRow(BookingService.Offer offer, String day, String deputyNames) {
    public ReceptionSlot slot() {
      return offer.slot();
    }
  }

  @Get(uri = "/cancel", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> cancelForm(HttpRequest<?> request, @Nullable @QueryValue String code) {
    Map<String, Object> model = base(request, "/b/cancel");
    model.put("code", code == null ? "" : code);
    model.put("last4", "");
    model.put("errors", Map.of());
    return new ModelAndView<>("booking/cancel", model);
  }

  @Post(uri = "/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cancel(HttpRequest<?> request, @Body @Nullable String body) {
    Optional<HttpResponse<?>> refused = limit(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    FormData form = FormData.parse(body);
    try {
      BookingService.Confirmed cancelled = bookings.cancel(form.get("code"), form.get("phoneLast4"));
      Map<String, Object> model = confirmed(request, cancelled, "/b/cancel");
      model.put("justCancelled", true);
      return HttpResponse.ok(new ModelAndView<>("booking/booked", model));
    } catch (ValidationProblem e) {
      Map<String, Object> model = base(request, "/b/cancel");
      model.put("code", Optional.ofNullable(form.get("code")).orElse(""));
      model.put("last4", Optional.ofNullable(form.get("phoneLast4")).orElse(""));
      model.put("errors", byField(Lang.of(request), e.errors()));
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("booking/cancel", model));
    }
  }

  @Get(uri = "/booked/{code}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> booked(HttpRequest<?> request, String code) {
    Optional<BookingService.Confirmed> found = bookings.byCode(code);
    if (found.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("booking/unknown", base(request, "/b/cancel")));
    }
    Map<String, Object> model = confirmed(request, found.get(), "/b/booked/" + found.get().booking().code());
    model.put("justCancelled", false);
    return HttpResponse.ok(new ModelAndView<>("booking/booked", model));
  }

  @Get(uri = "/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> page(HttpRequest<?> request, String token) {
    Optional<StationPlace> place = stations.byToken(token);
    if (place.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("not-found", Map.of()));
    }
    return HttpResponse.ok(stationPage(request, place.get(), new BookingService.BookingForm(null, "", "", "1", ""), List.of()));
  }

  @Post(uri = "/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> book(HttpRequest<?> request, String token, @Body @Nullable String body) {
    Optional<StationPlace> place = stations.byToken(token);
    if (place.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("not-found", Map.of()));
    }
    Optional<HttpResponse<?>> refused = limit(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    FormData data = FormData.parse(body);
    BookingService.BookingForm form =
        new BookingService.BookingForm(
            data.get("slotId"), data.get("name"), data.get("phone"), data.get("partySize"), data.get("topic"));
    try {
      BookingService.Confirmed done = bookings.book(place.get(), form);
      // Post/redirect/get: reloading the confirmation never books twice.
      return HttpResponse.seeOther(URI.create("/b/booked/" + done.booking().code()));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(stationPage(request, place.get(), form, e.errors()));
    }
  }

  private ModelAndView<Map<String, Object>> stationPage(
      HttpRequest<?> request, StationPlace place, BookingService.BookingForm form, List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Map<String, String> names = stations.deputyNames(place);
    List<OfferRow> offers =
        bookings.offers(place).stream()
            .map(
                o ->
                    new OfferRow(
                        o,
                        day(lang, o.slot()),
                        o.slot().deputyIds().stream().map(id -> names.getOrDefault(id, "")).filter(n -> !n.isEmpty())
                            .collect(Collectors.joining("、"))))
            .toList();
    Map<String, Object> model = base(request, "/b/" + place.station().publicToken());
    model.put("place", place);
    model.put("offers", offers);
    model.put("anyOpen", offers.stream().anyMatch(o -> o.offer().open()));
    model.put("form", form);
    model.put("chosen", form.slotId() == null ? "" : form.slotId());
    model.put("errors", byField(lang, errors));
    model.put("maxParty", bookings.maxPartySize());
    model.put("retentionDays", bookings.retentionDays());
    return new ModelAndView<>("booking/station", model);
  }

  private Map<String, Object> confirmed(HttpRequest<?> request, BookingService.Confirmed c, String path) {
    Map<String, Object> model = base(request, path);
    ReceptionSlot slot = c.slot();
    StationPlace place = stations.of(slot);
    Map<String, String> names = stations.deputyNames(place);
    model.put("booking", c.booking());
    model.put("slot", slot);
    model.put("place", place);
    model.put("day", day(Lang.of(request), slot));
    model.put(
        "deputyNames",
        slot.deputyIds().stream().map(id -> names.getOrDefault(id, "")).filter(n -> !n.isEmpty()).collect(Collectors.joining("、")));
    model.put("cancelUrl", links.base() + "/b/cancel");
    model.put("stationPath", "/b/" + place.station().publicToken());
    return model;
  }

  private static Map<String, Object> base(HttpRequest<?> request, String path) {
    Map<String, Object> model = new HashMap<>();
    model.put("lang", Lang.of(request) == Lang.EN ? "en" : "zh");
    model.put("switchZh", "/lang/zh?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    model.put("switchEn", "/lang/en?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    return model;
  }

  /** The per-address limit on the forms that write: 429 with Retry-After and a page saying when. */
  private Optional<HttpResponse<?>> limit(HttpRequest<?> request) {
    String address = addresses.of(request);
    BookingLimiter.Decision decision = limiter.attempt(address);
    if (decision.allowed()) {
      return Optional.empty();
    }
    long seconds = decision.retryAfterSeconds();
    Map<String, Object> model = base(request, "/b/cancel");
    model.put("minutes", Math.max(1, (seconds + 59) / 60));
    return Optional.of(
        HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
            .header("Retry-After", Long.toString(seconds))
            .body(new ModelAndView<>("booking/too-many", model)));
  }

  private static String day(Lang lang, ReceptionSlot slot) {
    int dow = slot.date().getDayOfWeek().getValue() - 1;
    return lang.pick(
        slot.date().getMonthValue() + "月" + slot.date().getDayOfMonth() + "日 " + WEEKDAYS_ZH[dow],
        WEEKDAYS_EN[dow] + " " + slot.date().getDayOfMonth() + "/" + slot.date().getMonthValue());
  }

  private static Map<String, List<String>> byField(Lang lang, List<FieldError> errors) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField.computeIfAbsent(e.field(), k -> new java.util.ArrayList<>()).add(lang.pick(e.zh(), e.en()));
    }
    return byField;
  }
}
