package liaison.hub.livelihood;

import java.util.ArrayList;
import java.util.List;
import liaison.hub.report.BallotCodes;

/**
 * Codes drawn for a session, as printed, and their hashes in the same order (what the database
 * keeps); no two alike.
 */
record DrawnCodes(List<String> codes, List<String> hashes) {
  static DrawnCodes draw(String sessionId, int count) {
    while (true) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        codes.add(BallotCodes.next());
      }
      List<String> hashes =
          codes.stream()
              .map(c -> BallotCodes.hash(sessionId, BallotCodes.normalize(c).orElseThrow()))
              .toList();
      if (hashes.stream().distinct().count() == hashes.size()) {
        return new DrawnCodes(List.copyOf(codes), hashes);
      }
    }
  }
}
