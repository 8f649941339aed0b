package liaison.hub.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * @param ballotsPerAddress ballot forms one IP address may send per window: a hall's voters share
 *     its Wi-Fi's address, so this stops a script, not a person (the codes and the phone's cookie
 *     do that)
 * @param ballotsWindow the window of that limit
 * @param maxSlips the most ballot slips one print makes
 */
@ConfigurationProperties("hub.report")
public record ReportConfig(
    @Min(1) int ballotsPerAddress, Duration ballotsWindow, @Min(1) @Max(2000) int maxSlips) {}
