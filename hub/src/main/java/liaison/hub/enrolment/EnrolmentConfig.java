package liaison.hub.enrolment;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Enrolment codes ({@code hub.enrolment.*}).
 *
 * @param codeLifetime how long a code shown on a screen holds
 * @param requestsPerAddress codes asked for from one address per {@code requestWindow}; a screen
 *     asks once per lifetime, so this only stops a flood
 * @param wrongCodesPerAccount wrong codes one staff account may enter per {@code wrongCodeWindow}
 *     before it must wait: nobody guesses a code by trying
 */
@ConfigurationProperties("hub.enrolment")
public record EnrolmentConfig(
    @Bindable(defaultValue = "15m") Duration codeLifetime,
    @Bindable(defaultValue = "10") @Min(1) int requestsPerAddress,
    @Bindable(defaultValue = "10m") Duration requestWindow,
    @Bindable(defaultValue = "10") @Min(1) int wrongCodesPerAccount,
    @Bindable(defaultValue = "10m") Duration wrongCodeWindow) {}
