package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * @param contactRetentionDays a resident's contact details are deleted this many days after their
 *     case closed (PIPL Art. 19)
 * @param retentionCheck how often the deletion runs
 */
@ConfigurationProperties("hub.privacy")
public record PrivacyConfig(@Min(0) @Max(3650) int contactRetentionDays, Duration retentionCheck) {}
