package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Limits on the residents' public forms ({@code hub.opinions.*}), sized for residents who share one
 * address (a station's Wi-Fi on a reception day, a carrier's NAT): docs/SECURITY.md, "Fair limits".
 *
 * @param perIp submissions one client address may send per {@code perIpWindow}
 * @param perToken submissions one QR link (a station's or a deputy's) may receive per {@code
 *     perTokenWindow}
 * @param ratingsPerCode ratings one tracking code may send per {@code ratingsWindow}
 * @param ratingsPerIp ratings one client address may send per {@code ratingsWindow}
 * @param clientIpHeader behind a reverse proxy, the header carrying the resident's address (e.g.
 *     X-Real-IP); empty: the connection's address. Only set it when the proxy overwrites it.
 */
@ConfigurationProperties("hub.opinions")
public record OpinionConfig(
    @Min(1) int perIp,
    Duration perIpWindow,
    @Min(1) int perToken,
    Duration perTokenWindow,
    @Min(1) int ratingsPerCode,
    @Min(1) int ratingsPerIp,
    Duration ratingsWindow,
    String clientIpHeader) {}
