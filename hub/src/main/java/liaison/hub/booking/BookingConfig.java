package liaison.hub.booking;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * @param limitPerAddress booking and cancelling forms one IP address may send per window
 * @param limitWindow the window of that limit
 * @param retentionDays a booking's name, phone and topic are erased this many days after its
 *     reception (the consent notice says so)
 * @param maxPartySize how many people one booking may bring
 */
@ConfigurationProperties("hub.booking")
public record BookingConfig(
    @Min(1) int limitPerAddress,
    Duration limitWindow,
    @Min(1) @Max(3650) int retentionDays,
    @Min(1) @Max(20) int maxPartySize) {}
