package liaison.signage.protocol;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A station topic as a value: {@code Topic.stationContent("s-001")} prints {@code
 * liaison/v1/station/s-001/content} and {@link #parse(String)} reverses it. The one place topic
 * strings are built or read.
 */
public record Topic(String stationId, Channel channel) {

  public static final String PREFIX = "liaison/v1/station/";

  /**
   * The level of a station's answers to commands, followed by the hub instance that asked: {@code
   * liaison/v1/station/{s}/response/{hub}}.
   */
  public static final String RESPONSE = "response";

  /** A hub instance's name as a topic level: its MQTT client id. */
  private static final Pattern HUB_INSTANCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Lower-case letters, digits and hyphens: safe in a topic level, a URL and a file name. */
  private static final Pattern STATION_ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

  public Topic {
    requireStationId(stationId);
    Objects.requireNonNull(channel, "channel");
  }

  public static Topic stationContent(String stationId) {
    return new Topic(stationId, Channel.CONTENT);
  }

  public static Topic stationAlert(String stationId) {
    return new Topic(stationId, Channel.ALERT);
  }

  public static Topic stationState(String stationId) {
    return new Topic(stationId, Channel.STATE);
  }

  public static Topic stationEvent(String stationId) {
    return new Topic(stationId, Channel.EVENT);
  }

  public static Topic stationCommand(String stationId) {
    return new Topic(stationId, Channel.COMMAND);
  }

  /** The live tally of a report to voters (述职评议) at the station: {@link VoteTally}. */
  public static Topic stationTally(String stationId) {
    return new Topic(stationId, Channel.TALLY);
  }

  /**
   * The live tally of the deputies' vote on livelihood projects shown at the station (the session
   * hall's screen): {@link ProjectTally}.
   */
  public static Topic stationProjectTally(String stationId) {
    return new Topic(stationId, Channel.PROJECT_TALLY);
  }

  /**
   * Where a station answers the commands one hub instance sends it: {@code
   * liaison/v1/station/{s}/response/{hub}}. It lies in the station's own tree, so the broker lets
   * only that station write it and the hub knows who answered from the topic alone; per hub
   * instance, not shared, since the replica that sent a command is the one waiting for its answer.
   */
  public static Response stationResponse(String stationId, String hubInstance) {
    return new Response(stationId, hubInstance);
  }

  /** The subscription filter of one hub instance for every station's answers. */
  public static String responsesFor(String hubInstance) {
    return PREFIX + "+/" + RESPONSE + "/" + requireHubInstance(hubInstance);
  }

  /** Reads a response topic; empty for anything else (content, event, another shape). */
  public static Optional<Response> tryParseResponse(@Nullable String topic) {
    if (topic == null || !topic.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] levels = topic.substring(PREFIX.length()).split("/", -1);
    if (levels.length != 3
        || !isValidStationId(levels[0])
        || !RESPONSE.equals(levels[1])
        || !HUB_INSTANCE.matcher(levels[2]).matches()) {
      return Optional.empty();
    }
    return Optional.of(new Response(levels[0], levels[2]));
  }

  private static String requireHubInstance(@Nullable String candidate) {
    if (candidate == null || !HUB_INSTANCE.matcher(candidate).matches()) {
      throw new IllegalArgumentException(
          "hub instance must be 1 to 64 letters, digits, - or _, was '" + candidate + "'");
    }
    return candidate;
  }

  /**
   * A station's answer topic for one hub instance, as a value; {@link #toString()} is the topic.
   */
  public record Response(String stationId, String hubInstance) {
    public Response {
      requireStationId(stationId);
      requireHubInstance(hubInstance);
    }

    @Override
    public String toString() {
      return PREFIX + stationId + "/" + RESPONSE + "/" + hubInstance;
    }
  }

  /**
   * The subscription filter for one channel of every station, e.g. {@code
   * liaison/v1/station/+/event}.
   */
  public static String allStations(Channel channel) {
    return PREFIX + "+/" + channel.level();
  }

  /** The same filter as a shared subscription, so several hub replicas split the messages. */
  public static String sharedAllStations(String group, Channel channel) {
    if (!STATION_ID.matcher(group).matches()) {
      throw new IllegalArgumentException(
          "share group must match " + STATION_ID + ", was '" + group + "'");
    }
    return "$share/" + group + "/" + allStations(channel);
  }

  /**
   * Whether the text is a station id: what {@link #STATION_ID} matches, checked a character at a
   * time (every snapshot, topic and state checks it, tens of thousands in a county's publishing
   * round, where the pattern's matcher was a visible share of the hub's time).
   */
  public static boolean isValidStationId(@Nullable String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > 64) {
      return false;
    }
    int last = candidate.length() - 1;
    for (int i = 0; i <= last; i++) {
      char c = candidate.charAt(i);
      boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!letterOrDigit && (c != '-' || i == 0 || i == last)) {
        return false;
      }
    }
    return true;
  }

  /** The pattern a station id matches, for tests that hold {@link #isValidStationId} to it. */
  static Pattern stationIdPattern() {
    return STATION_ID;
  }

  static String requireStationId(@Nullable String candidate) {
    if (!isValidStationId(candidate)) {
      throw new IllegalArgumentException(
          "station id must be 1 to 64 lower-case letters, digits or inner hyphens, was '"
              + candidate
              + "'");
    }
    return candidate;
  }

  /**
   * Reads a topic name.
   *
   * @throws IllegalArgumentException naming the topic and what was expected
   */
  public static Topic parse(String topic) {
    return tryParse(topic)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a station topic: '"
                        + topic
                        + "'; expected "
                        + PREFIX
                        + "{station}/{content|alert|state|event|command|tally|project-tally}"));
  }

  public static Optional<Topic> tryParse(@Nullable String topic) {
    if (topic == null || !topic.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = topic.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    if (slash < 0 || rest.indexOf('/', slash + 1) >= 0) {
      return Optional.empty();
    }
    String stationId = rest.substring(0, slash);
    Optional<Channel> channel = Channel.ofLevel(rest.substring(slash + 1));
    if (!isValidStationId(stationId) || channel.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Topic(stationId, channel.get()));
  }

  @Override
  public String toString() {
    return PREFIX + stationId + "/" + channel.level();
  }

  /** The last topic level, with the direction and retention each channel has. */
  public enum Channel {
    CONTENT("content", true),
    ALERT("alert", true),
    STATE("state", true),
    EVENT("event", false),
    COMMAND("command", false),
    /**
     * Hub → station, retained, an empty payload clears it: the tally of the report to voters under
     * way or just closed at the station (issue 18). Apart from the content snapshot so that a
     * ballot reaches the screen as a few dozen bytes, not as a new snapshot.
     */
    TALLY("tally", true),
    /**
     * Hub → station, retained, an empty payload clears it: the tally of the deputies' vote on
     * livelihood projects (issue 21) whose session the station's screen shows. Its own channel, not
     * {@link #TALLY}'s: a station may show a report's tally and a session's, each converging on its
     * own highest {@code seq}.
     */
    PROJECT_TALLY("project-tally", true);

    private final String level;
    private final boolean retained;

    Channel(String level, boolean retained) {
      this.level = level;
      this.retained = retained;
    }

    public String level() {
      return level;
    }

    public boolean retained() {
      return retained;
    }

    static Optional<Channel> ofLevel(String level) {
      for (Channel channel : values()) {
        if (channel.level.equals(level)) {
          return Optional.of(channel);
        }
      }
      return Optional.empty();
    }
  }
}
