package liaison.hub.livelihood;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.opinion.Category;
import org.jspecify.annotations.Nullable;

/**
 * A proposed project. It keeps no contact: proposals are anonymous (docs/LIVELIHOOD.md).
 *
 * @param stationId the station it came through; null for a deputy's proposal entered without one
 * @param opinionCaseId the opinion it was made from, for {@link ProposalSource#OPINION}
 * @param enteredBy the staff account that entered it; null for a resident's
 * @param photos the photo store's hashes, in order
 */
public record Proposal(
    String id,
    String roundId,
    ProposalSource source,
    @Nullable String stationId,
    @Nullable String deputyId,
    @Nullable String opinionCaseId,
    Category category,
    String title,
    String description,
    String place,
    ProposalStatus status,
    String statusNote,
    @Nullable String enteredBy,
    OffsetDateTime submittedAt,
    @Nullable OffsetDateTime decidedAt,
    List<String> photos) {

  public Proposal {
    photos = List.copyOf(photos);
  }
}
