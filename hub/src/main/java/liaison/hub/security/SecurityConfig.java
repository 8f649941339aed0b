package liaison.hub.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Staff sessions ({@code hub.security.*}).
 *
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax and at the latest this long after log-in
 * @param secureCookies {@code auto}: Secure when the request came over HTTPS; {@code always}; {@code never}
 */
@ConfigurationProperties("hub.security")
public record SecurityConfig(
    @Bindable(defaultValue = "8h") Duration sessionIdle,
    @Bindable(defaultValue = "7d") Duration sessionMax,
    @Bindable(defaultValue = "auto") String secureCookies) {}
