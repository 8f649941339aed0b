package liaison.hub.notify;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A message of the outbox as staff see it: a resident's phone masked, never the text of an SMS's
 * parameters.
 *
 * @param recipient the department's address in full, a resident's phone masked
 * @param kind what it is about ({@link Notification#kind()})
 * @param subject an e-mail's subject; '' for an SMS
 * @param attempts tries so far
 * @param nextAttemptAt when a pending message is tried next
 * @param lastError the last failure's reason, as the channel gave it
 * @param caseCode the tracking code of the case it is about, if any
 */
public record SentMessage(
    String id,
    Channel channel,
    String recipient,
    String kind,
    String subject,
    NotificationState state,
    int attempts,
    OffsetDateTime createdAt,
    OffsetDateTime nextAttemptAt,
    @Nullable OffsetDateTime sentAt,
    String lastError,
    @Nullable String caseId,
    @Nullable String caseCode) {}
