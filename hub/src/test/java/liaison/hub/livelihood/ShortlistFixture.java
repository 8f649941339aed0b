package liaison.hub.livelihood;

import java.util.List;
import liaison.hub.db.Database;

/**
 * A round whose shortlist is published (round and projects SHORTLISTED, in ballot order), made with
 * plain SQL, for the browser tests that need a ballot page quickly. {@link LivelihoodVoteTest} and
 * {@link LivelihoodJourneyTest} publish their shortlists through the shortlist's own API.
 */
public final class ShortlistFixture {
  private ShortlistFixture() {}

  /**
   * Makes the round {@code roundId} of the county (township null) or a township, SHORTLISTED, with
   * one SHORTLISTED project per title; the projects' ids are {@code roundId + "-p" + position}.
   */
  public static List<String> shortlisted(
      Database database,
      String roundId,
      String countyId,
      String townshipId,
      String title,
      List<String> projects) {
    String at = "2026-12-01T09:00:00+08:00";
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
                    closes_on, state, created_by, created_at, updated_at)
                  VALUES (:id, :county, :township, :year, :title, '2026-10-01', '2026-11-01',
                    'SHORTLISTED', 'u-admin', :at, :at)
                  """)
              .bind("id", roundId)
              .bind("county", countyId)
              .bind("township", townshipId)
              .bind("title", title)
              // Three years ahead: past what staff may open (Rounds allows two), so a round put in
              // here never takes the year a test then opens through the API.
              .bind(
                  "year",
                  java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + 3)
              .bind("at", at)
              .execute();
          for (int i = 0; i < projects.size(); i++) {
            h.createUpdate(
                    """
                    INSERT INTO livelihood_project (id, round_id, position, category, title,
                      description, place, state, created_at, updated_at)
                    VALUES (:id, :round, :position, 'TRANSPORT', :title, '说明', '', 'SHORTLISTED',
                      :at, :at)
                    """)
                .bind("id", roundId + "-p" + (i + 1))
                .bind("round", roundId)
                .bind("position", i + 1)
                .bind("title", projects.get(i))
                .bind("at", at)
                .execute();
          }
        });
    return java.util.stream.IntStream.rangeClosed(1, projects.size())
        .mapToObj(i -> roundId + "-p" + i)
        .toList();
  }
}
