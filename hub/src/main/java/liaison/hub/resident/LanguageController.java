package liaison.hub.resident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;

/**
 * The language switch every page links to, residents' and staff's alike: sets the {@code lang}
 * cookie and goes back to the page it came from (never another site).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LanguageController {

  @Get(uri = "/lang/{lang}")
  public HttpResponse<?> language(String lang, @Nullable @QueryValue String next) {
    String value =
        "en".equals(BadRequestProblem.choice("lang", lang, List.of("zh", "en"))) ? "en" : "zh-CN";
    Cookie cookie =
        Cookie.of(Lang.COOKIE, value).path("/").maxAge(Duration.ofDays(365)).sameSite(SameSite.Lax);
    return HttpResponse.seeOther(URI.create(Pages.safeNext(next, "/admin"))).cookie(cookie);
  }
}
