package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * @param horizonDays receptions up to this many days ahead go into a snapshot
 * @param announceDays a planned slot becomes public this many days before its date
 * @param refresh how often every snapshot is rebuilt (published only when it changed)
 */
@ConfigurationProperties("hub.publish")
public record PublishConfig(
    @Min(1) @Max(60) int horizonDays, @Min(0) @Max(60) int announceDays, Duration refresh) {}
