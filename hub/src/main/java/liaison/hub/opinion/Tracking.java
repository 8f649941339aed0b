package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import org.jspecify.annotations.Nullable;

/**
 * What a resident reads through their tracking code: the case, where it stands, the answer (for a
 * merged case, the answer of the case it was merged into), the timeline and the photos they
 * attached. Never staff names, notes or the contact: the page says what the loop did, not who.
 */
@Singleton
public class Tracking {
  private final CaseRepository cases;
  private final StationRepository stations;

  public Tracking(CaseRepository cases, StationRepository stations) {
    this.cases = cases;
    this.stations = stations;
  }

  /** The case behind a code as the resident typed it; empty for a malformed or unknown code. */
  public Optional<OpinionCase> find(@Nullable String typed) {
    return TrackingCodes.normalize(typed == null ? "" : typed).flatMap(cases::findByCode);
  }

  /**
   * The number, masked, that the case's answer will be texted to; empty when the resident did not
   * ask for it (or turned it off, or the contact was deleted).
   */
  public Optional<String> smsTo(OpinionCase c) {
    return cases.contact(c.id()).filter(CaseContact::notifySms).map(CaseContact::maskedPhone);
  }

  /** The resident turns this case's SMS off from its page; false when it was not on. */
  public boolean stopSms(OpinionCase c) {
    return cases.stopNotifying(c.id());
  }

  /** The case as it is now (after a refused step, to show what changed meanwhile). */
  public OpinionCase reread(OpinionCase c) {
    return cases.find(c.id()).orElseThrow();
  }

  /**
   * The tracking page's facts about a case.
   *
   * @param stationToken the station's public token, for the way back to its page
   * @param answer the answer the resident may read now; null while there is none
   * @param photoHashes the photos the resident attached, in their order
   */
  public record Tracked(
      OpinionCase opinion,
      @Nullable String stationName,
      @Nullable String stationToken,
      @Nullable String answer,
      List<CaseEvent> events,
      List<String> photoHashes) {}

  /**
   * One thing said between the station and the resident, in the order it was said: an answer the
   * station gave ({@code answer}), or the resident's own rating with their comment ({@code
   * rating}).
   */
  public record Said(OffsetDateTime at, @Nullable String answer, Ratings.@Nullable Rated rating) {}

  /**
   * Every answer given and every rating the resident made, oldest first, read from the timeline: a
   * reopened case keeps what was said before it reopened (the case row holds the latest answer
   * only, which stands for the last answering step). A merged case's own timeline has no answer:
   * its answer is the other case's.
   */
  public static List<Said> conversation(List<CaseEvent> events, @Nullable String latestAnswer) {
    int last = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).to() == CaseStatus.ANSWERED) {
        last = i;
      }
    }
    List<Said> said = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      CaseEvent e = events.get(i);
      String answer = i == last && latestAnswer != null ? latestAnswer : e.note();
      if (e.to() == CaseStatus.ANSWERED && !answer.isBlank()) {
        said.add(new Said(e.at(), answer, null));
      } else {
        Ratings.rated(e).ifPresent(r -> said.add(new Said(e.at(), null, r)));
      }
    }
    return said;
  }

  public Tracked tracked(OpinionCase c) {
    Optional<StationPlace> station = stations.find(c.stationId());
    return new Tracked(
        c,
        station.map(p -> p.station().name()).orElse(null),
        station.map(p -> p.station().publicToken()).orElse(null),
        answer(c),
        cases.events(c.id()),
        cases.photos(c.id()));
  }

  /** Whether the photo with this hash is one the resident attached to this case. */
  public boolean hasPhoto(OpinionCase c, String hash) {
    return cases.photos(c.id()).contains(hash);
  }

  private @Nullable String answer(OpinionCase c) {
    if (c.status() == CaseStatus.MERGED) {
      // The resident follows the case theirs was merged into: its answer is theirs too.
      return c.mergedInto() == null
          ? null
          : cases
              .find(c.mergedInto())
              .filter(Tracking::answered)
              .map(OpinionCase::answer)
              .orElse(null);
    }
    return answered(c) ? c.answer() : null;
  }

  private static boolean answered(OpinionCase c) {
    return c.status() == CaseStatus.ANSWERED || c.status() == CaseStatus.CLOSED;
  }
}
