package liaison.hub.resident;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;

/**
 * Pages for {@code RenderFaultTest} only: a template that asks its model for a field the model does
 * not have, in the page itself and in a fragment of the layout, as a page and its record that
 * drifted apart would.
 */
@Requires(property = "spec.name", value = "RenderFaultTest")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class BrokenPageController {
  /** A page's record without the field its template reads. */
  @Introspected
  public record Drifted(String title) {}

  @Get(uri = "/test/broken", produces = MediaType.TEXT_HTML)
  public ModelAndView<Drifted> broken() {
    return new ModelAndView<>("test/broken", new Drifted("一页"));
  }

  @Get(uri = "/test/fine", produces = MediaType.TEXT_HTML)
  public ModelAndView<Drifted> fine() {
    return new ModelAndView<>("test/fine", new Drifted("一页"));
  }
}
