package liaison.hub.opinion;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;

/**
 * 回访 by the resident on the tracking page: 满意 or 基本满意 closes an answered case; 不满意 reopens it for
 * staff. Rating, comment and step are written in one transaction.
 */
@Singleton
public class Ratings {
  public static final int MAX_COMMENT = 500;

  private final Database database;
  private final CaseRepository repository;
  private final Cases cases;
  private final Clock clock;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;

  public Ratings(
      Database database,
      CaseRepository repository,
      Cases cases,
      Clock clock,
      ApplicationEventPublisher<StationsChanged> stationsChanged) {
    this.database = database;
    this.repository = repository;
    this.cases = cases;
    this.clock = clock;
    this.stationsChanged = stationsChanged;
  }

  /** Whether the resident may rate now: answered, or closed by staff and not rated since. */
  public static boolean canRate(OpinionCase c) {
    return c.status() == CaseStatus.ANSWERED
        || c.status() == CaseStatus.CLOSED
            && (c.ratedAt() == null || c.closedAt() != null && c.ratedAt().isBefore(c.closedAt()));
  }

  /** A rating as its timeline line keeps it: the rating's name, then the comment if any. */
  static String note(Satisfaction rating, String comment) {
    return rating.name() + (comment.isEmpty() ? "" : ": " + comment);
  }

  /** A resident's rating read back from its timeline line ({@link #note}). */
  public record Rated(Satisfaction rating, String comment) {}

  /** The rating a {@code rate} line holds; empty for a line that is not one. */
  public static java.util.Optional<Rated> rated(CaseEvent e) {
    if (!e.action().equals("rate")) {
      return java.util.Optional.empty();
    }
    String note = e.note();
    int colon = note.indexOf(": ");
    String head = colon < 0 ? note : note.substring(0, colon);
    String comment = colon < 0 ? "" : note.substring(colon + 2);
    return Satisfaction.of(head).map(s -> new Rated(s, comment));
  }

  public OpinionCase rate(String trackingCode, String ratingName, String comment) {
    Satisfaction rating =
        Satisfaction.of(ratingName)
            .orElseThrow(() -> ValidationProblem.of("rating", Text.of("problem.rating.missing")));
    String text = ResidentText.clean(comment);
    if (ResidentText.hasBrokenEncoding(comment)) {
      throw ValidationProblem.of("comment", Text.of("problem.rating.comment.broken"));
    }
    if (ResidentText.length(text) > MAX_COMMENT) {
      throw ValidationProblem.of(
          "comment", Text.of("problem.rating.comment.too-long", MAX_COMMENT));
    }
    OpinionCase c =
        repository
            .findByCode(trackingCode)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.tracking.unknown")));
    OpinionCase rated =
        database.inTransaction(
            h -> {
              OpinionCase now = repository.find(h, c.id()).orElseThrow();
              if (!canRate(now)) {
                throw new ConflictProblem(Text.of("problem.rating.not-now"));
              }
              OffsetDateTime at = OffsetDateTime.now(clock);
              h.createUpdate(
                      "UPDATE opinion_case SET rating = :rating, rating_comment = :comment, rated_at = :at WHERE id = :id")
                  .bind("rating", rating.name())
                  .bind("comment", text)
                  .bind("at", Sql.instant(at))
                  .bind("id", c.id())
                  .execute();
              cases.record(h, c.id(), CaseEvent.RESIDENT, "rate", note(rating, text));
              if (rating == Satisfaction.DISSATISFIED) {
                // The timeline keeps both languages of this line.
                return cases.transition(
                    h,
                    c.id(),
                    CaseStatus.REOPENED,
                    CaseEvent.RESIDENT,
                    Text.of("case.note.reopened").both(" · "));
              }
              if (now.status() == CaseStatus.ANSWERED) {
                return cases.transition(
                    h, c.id(), CaseStatus.CLOSED, CaseEvent.RESIDENT, rating.zh());
              }
              return repository.find(h, c.id()).orElseThrow();
            });
    // The station's satisfaction figures moved (and a reopened case is no longer answered).
    stationsChanged.publishEvent(StationsChanged.of(c.stationId()));
    return rated;
  }
}
