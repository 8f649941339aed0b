package liaison.hub.resident;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.booking.BookableStations;
import liaison.hub.booking.Booking;
import liaison.hub.booking.BookingLimiter;
import liaison.hub.booking.BookingService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.ClientAddresses;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.PublicLinks;

/**
 * The residents' booking pages, opened from a station's "扫码预约" QR code in WeChat's browser: no
 * log-in, no script, plain forms. {@code /b/{token}} lists the station's coming receptions with
 * their places and books one; {@code /b/booked/{code}} shows a booking; {@code /b/cancel} cancels
 * by code.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/b")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PublicBookingController {
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

  /** booking/cancel: the code and the phone's last digits as typed, the messages beside them. */
  @Introspected
  public record CancelPage(
      Frame frame, String code, String last4, Map<String, List<String>> errors) {}

  /** booking/booked: a booking with its reception, just made, shown again or just cancelled. */
  @Introspected
  public record BookedPage(
      Frame frame,
      Booking booking,
      ReceptionSlot slot,
      StationPlace place,
      String day,
      String deputyNames,
      String cancelUrl,
      String stationPath,
      boolean justCancelled) {}

  /**
   * booking/station: the station's coming receptions with their places, the form as typed and the
   * messages beside it.
   */
  @Introspected
  public record StationPage(
      Frame frame,
      StationPlace place,
      List<OfferRow> offers,
      boolean anyOpen,
      BookingService.BookingForm form,
      String chosen,
      Map<String, List<String>> errors,
      int maxParty,
      int retentionDays) {}

  /** booking/unknown: no such booking. */
  @Introspected
  public record UnknownPage(Frame frame) {}

  /** booking/too-many: how many minutes to wait. */
  @Introspected
  public record TooManyPage(Frame frame, long minutes) {}

  @Get(uri = "/cancel", produces = MediaType.TEXT_HTML)
  public ModelAndView<CancelPage> cancelForm(
      HttpRequest<?> request, @Nullable @QueryValue String code) {
    return new ModelAndView<>(
        "booking/cancel",
        new CancelPage(frame(request, "/b/cancel"), code == null ? "" : code, "", Map.of()));
  }

  @Post(
      uri = "/cancel",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> cancel(HttpRequest<?> request, @Body @Nullable String body) {
    Optional<HttpResponse<?>> refused = limit(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    FormData form = FormData.parse(body);
    try {
      BookingService.Confirmed cancelled =
          bookings.cancel(form.get("code"), form.get("phoneLast4"));
      return HttpResponse.ok(
          new ModelAndView<>("booking/booked", confirmed(request, cancelled, "/b/cancel", true)));
    } catch (ValidationProblem e) {
      CancelPage page =
          new CancelPage(
              frame(request, "/b/cancel"),
              Optional.ofNullable(form.get("code")).orElse(""),
              Optional.ofNullable(form.get("phoneLast4")).orElse(""),
              byField(Lang.of(request), e.errors()));
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>("booking/cancel", page));
    }
  }

  @Get(uri = "/booked/{code}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> booked(HttpRequest<?> request, String code) {
    Optional<BookingService.Confirmed> found = bookings.byCode(code);
    if (found.isEmpty()) {
      return HttpResponse.notFound(
          new ModelAndView<>("booking/unknown", new UnknownPage(frame(request, "/b/cancel"))));
    }
    return HttpResponse.ok(
        new ModelAndView<>(
            "booking/booked",
            confirmed(request, found.get(), "/b/booked/" + found.get().booking().code(), false)));
  }

  @Get(uri = "/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> page(HttpRequest<?> request, String token) {
    Optional<StationPlace> place = stations.byToken(token);
    if (place.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("not-found", null));
    }
    return HttpResponse.ok(
        stationPage(
            request,
            place.get(),
            new BookingService.BookingForm(null, "", "", "1", "", false),
            List.of()));
  }

  @Post(
      uri = "/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> book(HttpRequest<?> request, String token, @Body @Nullable String body) {
    Optional<StationPlace> place = stations.byToken(token);
    if (place.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("not-found", null));
    }
    Optional<HttpResponse<?>> refused = limit(request);
    if (refused.isPresent()) {
      return refused.get();
    }
    FormData data = FormData.parse(body);
    BookingService.BookingForm form =
        new BookingService.BookingForm(
            data.get("slotId"),
            data.get("name"),
            data.get("phone"),
            data.get("partySize"),
            data.get("topic"),
            data.get("notifySms") != null);
    try {
      BookingService.Confirmed done = bookings.book(place.get(), form);
      // Post/redirect/get: reloading the confirmation never books twice.
      return HttpResponse.seeOther(URI.create("/b/booked/" + done.booking().code()));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(stationPage(request, place.get(), form, e.errors()));
    }
  }

  private ModelAndView<StationPage> stationPage(
      HttpRequest<?> request,
      StationPlace place,
      BookingService.BookingForm form,
      List<FieldError> errors) {
    Lang lang = Lang.of(request);
    Map<String, String> names = stations.deputyNames(place);
    List<OfferRow> offers =
        bookings.offers(place).stream()
            .map(
                o ->
                    new OfferRow(
                        o,
                        day(lang, o.slot()),
                        o.slot().deputyIds().stream()
                            .map(id -> names.getOrDefault(id, ""))
                            .filter(n -> !n.isEmpty())
                            .collect(Collectors.joining("、"))))
            .toList();
    return new ModelAndView<>(
        "booking/station",
        new StationPage(
            frame(request, "/b/" + place.station().publicToken()),
            place,
            offers,
            offers.stream().anyMatch(o -> o.offer().open()),
            form,
            form.slotId() == null ? "" : form.slotId(),
            byField(lang, errors),
            bookings.maxPartySize(),
            bookings.retentionDays()));
  }

  private BookedPage confirmed(
      HttpRequest<?> request, BookingService.Confirmed c, String path, boolean justCancelled) {
    ReceptionSlot slot = c.slot();
    StationPlace place = stations.of(slot);
    Map<String, String> names = stations.deputyNames(place);
    return new BookedPage(
        frame(request, path),
        c.booking(),
        slot,
        place,
        day(Lang.of(request), slot),
        slot.deputyIds().stream()
            .map(id -> names.getOrDefault(id, ""))
            .filter(n -> !n.isEmpty())
            .collect(Collectors.joining("、")),
        links.base() + "/b/cancel",
        "/b/" + place.station().publicToken(),
        justCancelled);
  }

  private static Frame frame(HttpRequest<?> request, String path) {
    return Frame.resident(Lang.of(request), path);
  }

  /** The per-address limit on the forms that write: 429 with Retry-After and a page saying when. */
  private Optional<HttpResponse<?>> limit(HttpRequest<?> request) {
    String address = addresses.of(request);
    BookingLimiter.Decision decision = limiter.attempt(address);
    if (decision.allowed()) {
      return Optional.empty();
    }
    long seconds = decision.retryAfterSeconds();
    return Optional.of(
        HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
            .header("Retry-After", Long.toString(seconds))
            .body(
                new ModelAndView<>(
                    "booking/too-many",
                    new TooManyPage(
                        frame(request, "/b/cancel"), Math.max(1, (seconds + 59) / 60)))));
  }

  private static String day(Lang lang, ReceptionSlot slot) {
    int dow = slot.date().getDayOfWeek().getValue();
    return lang.text(
        Text.of(
            "book.day",
            Text.of("week.weekday." + dow),
            slot.date().getMonthValue(),
            slot.date().getDayOfMonth()));
  }

  private static Map<String, List<String>> byField(Lang lang, List<FieldError> errors) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField.computeIfAbsent(e.field(), k -> new java.util.ArrayList<>()).add(lang.text(e.text()));
    }
    return byField;
  }
}
