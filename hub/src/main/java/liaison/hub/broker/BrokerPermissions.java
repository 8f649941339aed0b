package liaison.hub.broker;

import java.util.List;
import liaison.signage.protocol.Topic;

/**
 * What each MQTT account may do, written once and installed twice: as the embedded broker's default
 * permissions ({@link BrokerSecurity}) and as an external Mosquitto's ACL file ({@link
 * MosquittoFiles}). A station reads only its own content, alert and command topics and writes only
 * its own state, event and response topics: the answer to a command goes to {@code
 * liaison/v1/station/{s}/response/{hub}}, so the hub knows from the topic which station answered
 * and takes an answer only from the station the command went to. The hub reads and writes
 * everything under {@code liaison/}. Everything else is refused.
 */
public final class BrokerPermissions {
  private BrokerPermissions() {}

  /** One permitted topic filter; {@code %s} stands for the station id. */
  public record Rule(Access access, String filter, boolean retainAllowed) {
    public String forStation(String stationId) {
      return filter.replace(STATION, stationId);
    }
  }

  public enum Access {
    READ,
    WRITE,
    READ_WRITE
  }

  /** Placeholder for the station id in {@link #STATION_RULES}; Mosquitto's is {@code %u}. */
  public static final String STATION = "{station}";

  public static final List<Rule> STATION_RULES =
      List.of(
          new Rule(Access.READ, Topic.PREFIX + STATION + "/" + Topic.Channel.CONTENT.level(), true),
          new Rule(Access.READ, Topic.PREFIX + STATION + "/" + Topic.Channel.ALERT.level(), true),
          new Rule(Access.READ, Topic.PREFIX + STATION + "/" + Topic.Channel.TALLY.level(), true),
          new Rule(
              Access.READ,
              Topic.PREFIX + STATION + "/" + Topic.Channel.PROJECT_TALLY.level(),
              true),
          new Rule(
              Access.READ, Topic.PREFIX + STATION + "/" + Topic.Channel.COMMAND.level(), false),
          // The state is retained and is also the Last Will.
          new Rule(Access.WRITE, Topic.PREFIX + STATION + "/" + Topic.Channel.STATE.level(), true),
          new Rule(Access.WRITE, Topic.PREFIX + STATION + "/" + Topic.Channel.EVENT.level(), false),
          // Answers to the hub's commands, in the station's own tree: who answered is the topic.
          new Rule(Access.WRITE, Topic.PREFIX + STATION + "/" + Topic.RESPONSE + "/+", false));

  /** The hub: everything under {@code liaison/}, shared subscriptions included. */
  public static final List<Rule> HUB_RULES =
      List.of(new Rule(Access.READ_WRITE, "liaison/#", true));
}
