package liaison.hub.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Staff sessions ({@code hub.security.*}).
 *
 * @param sessionIdle a session ends after this long without a request
 * @param sessionMax and at the latest this long after log-in
 * @param secureCookies {@code auto}: Secure when the request came over HTTPS; {@code always};
 *     {@code never}
 * @param loginFailuresPerAccount failed log-ins to one account per {@code loginFailureWindow};
 *     beyond it that account cannot log in (even with the right password) until the window passes
 * @param loginFailuresPerAddress the same per client address, whichever accounts it tries
 * @param minPasswordLength for passwords staff choose
 */
@ConfigurationProperties("hub.security")
public record SecurityConfig(
    @Bindable(defaultValue = "8h") Duration sessionIdle,
    @Bindable(defaultValue = "7d") Duration sessionMax,
    @Bindable(defaultValue = "auto") String secureCookies,
    @Bindable(defaultValue = "5") @Min(1) int loginFailuresPerAccount,
    @Bindable(defaultValue = "20") @Min(1) int loginFailuresPerAddress,
    @Bindable(defaultValue = "15m") Duration loginFailureWindow,
    @Bindable(defaultValue = "10") @Min(8) int minPasswordLength) {}
