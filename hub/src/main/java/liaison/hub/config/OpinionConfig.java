package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Limits on the residents' public forms ({@code hub.opinions.*}).
 *
 * @param perIp submissions (and ratings) one client address may send per {@code perIpWindow}
 * @param perToken submissions one QR link may receive per {@code perTokenWindow}
 * @param clientIpHeader behind a reverse proxy, the header carrying the resident's address (e.g.
 *     X-Real-IP); empty: the connection's address. Only set it when the proxy overwrites it.
 */
@ConfigurationProperties("hub.opinions")
public record OpinionConfig(
    @Min(1) int perIp,
    Duration perIpWindow,
    @Min(1) int perToken,
    Duration perTokenWindow,
    String clientIpHeader) {}
