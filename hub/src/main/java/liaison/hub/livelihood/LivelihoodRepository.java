package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.opinion.Category;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Rounds and proposals of the livelihood projects. Methods taking a {@link Handle} run inside the
 * caller's transaction.
 */
@Singleton
public class LivelihoodRepository {
  private static final String ROUND =
      """
      SELECT r.*, t.name AS township_name FROM livelihood_round r
        LEFT JOIN township t ON t.id = r.township_id
      """;

  private final Database database;

  public LivelihoodRepository(Database database) {
    this.database = database;
  }

  public void insertRound(Handle h, Round r) {
    h.createUpdate(
            """
            INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
              closes_on, state, created_by, created_at, updated_at)
            VALUES (:id, :county, :township, :year, :title, :opens, :closes, :state, :by, :at, :at)
            """)
        .bind("id", r.id())
        .bind("county", r.countyId())
        .bind("township", r.townshipId())
        .bind("year", r.year())
        .bind("title", r.title())
        .bind("opens", Sql.date(r.opensOn()))
        .bind("closes", Sql.date(r.closesOn()))
        .bind("state", r.state().name())
        .bind("by", r.createdBy())
        .bind("at", Sql.instant(r.createdAt()))
        .execute();
    for (int i = 0; i < r.categories().size(); i++) {
      h.createUpdate(
              "INSERT INTO livelihood_round_category (round_id, position, category)"
                  + " VALUES (:round, :position, :category)")
          .bind("round", r.id())
          .bind("position", i + 1)
          .bind("category", r.categories().get(i).name())
          .execute();
    }
  }

  /** The county's rounds, newest year first, then by level and title. */
  public List<Round> rounds(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    ROUND
                        + " WHERE r.county_id = :county"
                        + " ORDER BY r.year DESC, r.township_id IS NOT NULL, r.opens_on DESC, r.id")
                .bind("county", countyId)
                .map((rs, ctx) -> round(h, rs))
                .list());
  }

  /** The rounds in these states, of every county on the hub, as {@link #rounds} orders them. */
  public List<Round> roundsIn(List<RoundState> states) {
    return database.withHandle(
        h ->
            h.createQuery(
                    ROUND
                        + " WHERE r.state IN (<states>)"
                        + " ORDER BY r.year DESC, r.township_id IS NOT NULL, r.opens_on DESC, r.id")
                .bindList("states", states.stream().map(Enum::name).toList())
                .map((rs, ctx) -> round(h, rs))
                .list());
  }

  /** Moves a round from one state to the next; false when it was not in {@code from}. */
  public boolean move(Handle h, String id, RoundState from, RoundState to, Clock clock) {
    return h.createUpdate(
                "UPDATE livelihood_round SET state = :to, updated_at = :at"
                    + " WHERE id = :id AND state = :from")
            .bind("to", to.name())
            .bind("from", from.name())
            .bind("at", Sql.instant(OffsetDateTime.now(clock)))
            .bind("id", id)
            .execute()
        == 1;
  }

  public Optional<Round> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery(ROUND + " WHERE r.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> round(h, rs))
                .findOne());
  }

  private static Round round(Handle h, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<Category> categories =
        h
            .createQuery(
                "SELECT category FROM livelihood_round_category WHERE round_id = :id"
                    + " ORDER BY position")
            .bind("id", id)
            .mapTo(String.class)
            .list()
            .stream()
            .flatMap(c -> Category.of(c).stream())
            .toList();
    return new Round(
        id,
        rs.getString("county_id"),
        rs.getString("township_id"),
        rs.getString("township_name"),
        rs.getInt("year"),
        rs.getString("title"),
        LocalDate.parse(rs.getString("opens_on")),
        LocalDate.parse(rs.getString("closes_on")),
        RoundState.valueOf(rs.getString("state")),
        categories,
        rs.getString("created_by"),
        Sql.instant(rs.getString("created_at")));
  }

  public void insertProposal(Handle h, Proposal p) {
    h.createUpdate(
            """
            INSERT INTO livelihood_proposal (id, round_id, source, station_id, deputy_id,
              opinion_case_id, category, title, description, place, status, status_note,
              entered_by, submitted_at, decided_at)
            VALUES (:id, :round, :source, :station, :deputy, :opinion, :category, :title,
              :description, :place, :status, :note, :by, :at, :decided)
            """)
        .bind("id", p.id())
        .bind("round", p.roundId())
        .bind("source", p.source().name())
        .bind("station", p.stationId())
        .bind("deputy", p.deputyId())
        .bind("opinion", p.opinionCaseId())
        .bind("category", p.category().name())
        .bind("title", p.title())
        .bind("description", p.description())
        .bind("place", p.place())
        .bind("status", p.status().name())
        .bind("note", p.statusNote())
        .bind("by", p.enteredBy())
        .bind("at", Sql.instant(p.submittedAt()))
        .bind("decided", Sql.instantOrNull(p.decidedAt()))
        .execute();
    for (int i = 0; i < p.photos().size(); i++) {
      h.createUpdate(
              "INSERT INTO livelihood_proposal_photo (proposal_id, position, sha256)"
                  + " VALUES (:id, :position, :sha256)")
          .bind("id", p.id())
          .bind("position", i + 1)
          .bind("sha256", p.photos().get(i))
          .execute();
    }
  }

  /** A round's proposals, oldest first; only those with {@code status} when it is given. */
  public List<Proposal> proposals(String roundId, @Nullable ProposalStatus status) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM livelihood_proposal WHERE round_id = :round"
                        + " AND (:status = '' OR status = :status) ORDER BY submitted_at, id")
                .bind("round", roundId)
                .bind("status", status == null ? "" : status.name())
                .map((rs, ctx) -> proposal(h, rs))
                .list());
  }

  public Optional<Proposal> findProposal(Handle h, String id) {
    return h.createQuery("SELECT * FROM livelihood_proposal WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> proposal(h, rs))
        .findOne();
  }

  /**
   * The latest opinions of these stations not yet made a proposal of the round, newest first: the
   * choices of "turn an opinion into a proposal".
   */
  public List<OpinionChoice> opinionsToPropose(String roundId, List<String> stationIds, int max) {
    if (stationIds.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.id, c.tracking_code, c.category, c.summary, c.text FROM opinion_case c
                     WHERE c.station_id IN (<stations>)
                       AND NOT EXISTS (SELECT 1 FROM livelihood_proposal p
                                        WHERE p.round_id = :round AND p.opinion_case_id = c.id)
                     ORDER BY c.submitted_at DESC, c.id LIMIT :max
                    """)
                .bindList("stations", stationIds)
                .bind("round", roundId)
                .bind("max", max)
                .map(
                    (rs, ctx) -> {
                      String summary = rs.getString("summary");
                      String words = summary.isBlank() ? rs.getString("text") : summary;
                      return new OpinionChoice(
                          rs.getString("id"),
                          rs.getString("tracking_code"),
                          Category.of(rs.getString("category")).orElse(Category.OTHER),
                          words.codePointCount(0, words.length()) > 30
                              ? words.substring(0, words.offsetByCodePoints(0, 30)) + "…"
                              : words);
                    })
                .list());
  }

  /** Whether the opinion was already made a proposal of the round. */
  public boolean madeFrom(Handle h, String roundId, String opinionCaseId) {
    return h.createQuery(
                "SELECT COUNT(*) FROM livelihood_proposal"
                    + " WHERE round_id = :round AND opinion_case_id = :opinion")
            .bind("round", roundId)
            .bind("opinion", opinionCaseId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /** Accepts or sets aside a proposal of the round; false when it is not the round's. */
  public boolean decide(
      Handle h,
      String roundId,
      String proposalId,
      ProposalStatus status,
      String note,
      OffsetDateTime at) {
    return h.createUpdate(
                """
                UPDATE livelihood_proposal SET status = :status, status_note = :note,
                  decided_at = :at WHERE id = :id AND round_id = :round
                """)
            .bind("status", status.name())
            .bind("note", note)
            .bind("at", Sql.instant(at))
            .bind("id", proposalId)
            .bind("round", roundId)
            .execute()
        == 1;
  }

  private static Proposal proposal(Handle h, ResultSet rs) throws SQLException {
    String id = rs.getString("id");
    List<String> photos =
        h.createQuery(
                "SELECT sha256 FROM livelihood_proposal_photo WHERE proposal_id = :id"
                    + " ORDER BY position")
            .bind("id", id)
            .mapTo(String.class)
            .list();
    return new Proposal(
        id,
        rs.getString("round_id"),
        ProposalSource.valueOf(rs.getString("source")),
        rs.getString("station_id"),
        rs.getString("deputy_id"),
        rs.getString("opinion_case_id"),
        Category.of(rs.getString("category")).orElse(Category.OTHER),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("place"),
        ProposalStatus.valueOf(rs.getString("status")),
        rs.getString("status_note"),
        rs.getString("entered_by"),
        Sql.instant(rs.getString("submitted_at")),
        Sql.instantOrNull(rs.getString("decided_at")),
        photos);
  }
}
