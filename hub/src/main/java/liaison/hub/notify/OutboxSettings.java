package liaison.hub.notify;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * The outbox's sender ({@code hub.notify.*}).
 *
 * @param sendEvery how long the sender waits between rounds
 * @param maxAttempts tries before a message is given up (the first one included)
 * @param batch messages sent per round at most, so a backlog does not hold the lease for long
 */
@ConfigurationProperties("hub.notify")
public record OutboxSettings(
    @Bindable(defaultValue = "15s") Duration sendEvery,
    @Bindable(defaultValue = "6") @Min(1) @Max(20) int maxAttempts,
    @Bindable(defaultValue = "50") @Min(1) @Max(1000) int batch) {}
