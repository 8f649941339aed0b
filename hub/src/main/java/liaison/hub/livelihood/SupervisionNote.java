package liaison.hub.livelihood;

import java.time.OffsetDateTime;

/** A supervising deputy's note. */
public record SupervisionNote(
    String id, String deputyId, String deputyName, String text, OffsetDateTime at) {}
