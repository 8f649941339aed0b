package liaison.hub.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Event ingestion's settings ({@code hub.ingest.*}).
 *
 * @param degradedAfter events waiting unstored longer than this make {@code /health} say {@code
 *     ingestion: DEGRADED} (still 200) and {@code /health/ingest} answer 503
 */
@ConfigurationProperties("hub.ingest")
public record IngestConfig(@Bindable(defaultValue = "30s") Duration degradedAfter) {}
