package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Limits on the residents' tracking page ({@code hub.tracking.*}).
 *
 * @param failuresPerAddress wrong or unknown codes one address may look up per {@code
 *     failureWindow} before its look-ups of unknown codes get 429: nobody finds codes by guessing
 * @param viewsPerCode look-ups of one valid code per {@code viewWindow}, from any address: many
 *     residents share one carrier address, so a valid code is counted by itself, never by address
 * @param remembered addresses and codes counted at once (memory bound)
 */
@ConfigurationProperties("hub.tracking")
public record TrackingConfig(
    @Bindable(defaultValue = "10") @Min(1) int failuresPerAddress,
    @Bindable(defaultValue = "10m") Duration failureWindow,
    @Bindable(defaultValue = "60") @Min(1) int viewsPerCode,
    @Bindable(defaultValue = "10m") Duration viewWindow,
    @Bindable(defaultValue = "10000") @Min(1) int remembered) {}
