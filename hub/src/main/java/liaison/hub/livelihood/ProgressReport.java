package liaison.hub.livelihood;

import java.time.OffsetDateTime;
import java.util.List;

/** A department's progress report. */
public record ProgressReport(
    String id, int percent, String text, OffsetDateTime reportedAt, List<ProgressPhoto> photos) {}
