package liaison.hub.poster;

import java.time.LocalDate;
import java.util.List;

/**
 * The ballot slips of a report to voters, to print and hand out at the door: each with the vote's
 * QR code (the ballot page with the slip's code in it) and the code itself for a voter who types
 * it.
 *
 * @param voteUrl the ballot page, {@code …/r/{report id}}; a slip's QR code adds {@code ?c=code}
 * @param times the report's time of day, {@code 09:30–11:00}
 * @param codes one slip per code, as printed ({@code 7KQ4-M9XD})
 * @param perPage slips on one A4 page: 4, 6, 8 or 10 (two columns)
 * @param words the prefix of the slip's words in the bundle: {@code ballot-slip} (a report to
 *     voters) or {@code livelihood-slip} (the deputies' vote on livelihood projects)
 * @param holders the name printed on each slip, one per code (a deputy's own code); empty when the
 *     slips are anyone's
 */
public record BallotSlips(
    String deputyName,
    String title,
    String stationName,
    LocalDate day,
    String times,
    String voteUrl,
    List<String> codes,
    int perPage,
    String words,
    List<String> holders) {
  public static final List<Integer> PER_PAGE = List.of(4, 6, 8, 10);

  /** A report to voters' slips: anyone's. */
  public BallotSlips(
      String deputyName,
      String title,
      String stationName,
      LocalDate day,
      String times,
      String voteUrl,
      List<String> codes,
      int perPage) {
    this(
        deputyName,
        title,
        stationName,
        day,
        times,
        voteUrl,
        codes,
        perPage,
        "ballot-slip",
        List.of());
  }

  public BallotSlips {
    codes = List.copyOf(codes);
    holders = List.copyOf(holders);
    if (!holders.isEmpty() && holders.size() != codes.size()) {
      throw new IllegalArgumentException(
          "one name per slip: " + holders.size() + " for " + codes.size());
    }
    if (codes.isEmpty()) {
      throw new IllegalArgumentException("no slip to print");
    }
    if (!PER_PAGE.contains(perPage)) {
      throw new IllegalArgumentException("slips per page must be one of " + PER_PAGE);
    }
  }
}
