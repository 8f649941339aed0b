package liaison.hub.resident;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.Optional;
import liaison.hub.notify.SmsStops;
import liaison.hub.problem.BadInput;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.ResidentPages;

/**
 * The stop link every SMS to a resident carries ({@code /n/<token>}): the page says which number it
 * stops (masked) and what; only its button (a POST) stops, because phones and chat apps open links
 * in messages ahead of the reader to preview them, and a GET must never unsubscribe anyone. The
 * form is limited like the residents' other forms and, like them, carries no CSRF token (see {@link
 * ResidentPages}): the unguessable token is the key, and a forged stop can do no more than the
 * resident's own.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class SmsStopController {
  private final SmsStops stops;
  private final ResidentPages pages;
  private final BadInput badInput;

  public SmsStopController(SmsStops stops, ResidentPages pages, BadInput badInput) {
    this.stops = stops;
    this.pages = pages;
    this.badInput = badInput;
  }

  /** sms-stop: the number the link stops, masked, and whether it is stopped already. */
  @Introspected
  public record StopPage(Frame frame, String token, String maskedPhone, boolean stopped) {}

  @Get(uri = "/n/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> page(HttpRequest<?> request, String token) {
    Optional<SmsStops.Stop> stop = stops.find(token);
    if (stop.isEmpty()) {
      return unknown(request);
    }
    return HttpResponse.ok(
        new ModelAndView<>(
            "sms-stop",
            new StopPage(
                Frame.resident(Lang.of(request), "/n/" + token),
                token,
                stop.get().maskedPhone(),
                stop.get().stopped())));
  }

  @Post(
      uri = "/n/{token}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> stop(HttpRequest<?> request, String token) {
    Optional<HttpResponse<?>> limited = pages.limit(request, token);
    if (limited.isPresent()) {
      return limited.get();
    }
    if (!stops.stop(token)) {
      return unknown(request);
    }
    // Post/redirect/get: the page then says it is done, and reloading it stops nothing twice.
    return HttpResponse.seeOther(URI.create("/n/" + token));
  }

  private HttpResponse<?> unknown(HttpRequest<?> request) {
    badInput.record("sms-stop", "unknown-token", "an unknown SMS stop link was opened");
    return pages.message(
        request,
        HttpStatus.NOT_FOUND,
        Text.of("resident.stop.unknown.title"),
        Text.of("resident.stop.unknown.body"));
  }
}
