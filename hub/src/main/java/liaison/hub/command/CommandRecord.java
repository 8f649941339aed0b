package liaison.hub.command;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One command as stored, with its answer once there is one. */
@io.micronaut.core.annotation.Introspected
public record CommandRecord(
    String id,
    String stationId,
    String name,
    String issuedBy,
    OffsetDateTime issuedAt,
    OffsetDateTime expiresAt,
    CommandStatus status,
    @Nullable String message,
    @Nullable String messageEn,
    @Nullable OffsetDateTime answeredAt,
    @Nullable String screenshotHash) {}
