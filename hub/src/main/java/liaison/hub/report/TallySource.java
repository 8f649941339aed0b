package liaison.hub.report;

import java.util.List;
import java.util.Optional;
import liaison.signage.protocol.Topic;

/**
 * One kind of live tally a station's screen shows, each on its own retained topic, published by
 * {@link TallyPublisher} (coalesced, republished on start and reconnect, the latest {@code seq}
 * left last): the report to voters' ({@link ReportTallies}) and the livelihood projects' vote.
 */
public interface TallySource {
  /** The station's topic this tally goes on. */
  Topic topic(String stationId);

  /** The stations whose topic may hold something now: published again after a restart. */
  List<String> stationsWithTallies();

  /**
   * What the station's topic should hold now, read from the database: empty to clear it.
   *
   * @return the tally's key (its vote and {@code seq}: a publish is skipped when the key is the one
   *     last published) and the payload
   */
  Optional<Latest> latest(String stationId);

  /** A tally to publish: {@code key} names the vote and its {@code seq}. */
  record Latest(String key, byte[] payload) {}
}
