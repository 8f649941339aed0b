package liaison.hub.security;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Lets a controller method take the signed-in {@link Staff} as a parameter. */
@Singleton
public class StaffBinder implements TypedRequestArgumentBinder<Staff> {

  @Override
  public Argument<Staff> argumentType() {
    return Argument.of(Staff.class);
  }

  @Override
  public BindingResult<Staff> bind(
      ArgumentConversionContext<Staff> context, HttpRequest<?> source) {
    Optional<Staff> staff = source.getAttribute(StaffFilter.STAFF, Staff.class);
    return staff
        .<BindingResult<Staff>>map(s -> () -> Optional.of(s))
        .orElse(BindingResult.unsatisfied());
  }

  /**
   * The staff member signed in for this request (session or HTTP Basic), for code that is not a
   * controller method: filters that decide what a page shows.
   */
  public static Optional<Staff> staff(HttpRequest<?> request) {
    return request.getAttribute(StaffFilter.STAFF, Staff.class);
  }

  /** The CSRF token of the request's session, for the forms a page renders. */
  public static String csrfToken(HttpRequest<?> request) {
    return request.getAttribute(StaffFilter.CSRF, String.class).orElse("");
  }
}
