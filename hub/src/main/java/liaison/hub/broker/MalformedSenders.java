package liaison.hub.broker;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import liaison.hub.problem.BadInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every message from a station that the hub refuses (events, states, command answers) comes here:
 * it is counted and sampled in the log ({@link BadInput}), and counted per station. A station that
 * sends {@code hub.mqtt.security.bad-messages-per-station} refused messages within {@code
 * bad-message-window} is flooding: the embedded broker closes its connections (again at each
 * further refused message in that window, if it comes back and goes on) and the fleet page flags it
 * with the count and since when, until it has been quiet for {@link #QUIET}. Nothing of a refused
 * message is stored, so a flood cannot fill the disk; with an external broker the station is
 * flagged but not disconnected (Mosquitto offers the hub no way to).
 */
@Singleton
public class MalformedSenders {
  private static final Logger LOG = LoggerFactory.getLogger(MalformedSenders.class);

  /** A station quiet this long starts afresh: its flag goes and its count begins again. */
  public static final Duration QUIET = Duration.ofHours(1);

  private final BadInput badInput;
  private final Optional<EmbeddedBroker> broker;
  private final BrokerSecurityConfig config;
  private final Clock clock;
  private final ConcurrentHashMap<String, Streak> streaks = new ConcurrentHashMap<>();

  public MalformedSenders(
      BadInput badInput,
      Optional<EmbeddedBroker> broker,
      BrokerSecurityConfig config,
      Clock clock) {
    this.badInput = badInput;
    this.broker = broker;
    this.config = config;
    this.clock = clock;
  }

  /**
   * A station's run of refused messages: how many since when, and within the current window.
   *
   * @param floodingSince when the station first passed the limit in this run, or null
   */
  private record Streak(
      Instant since,
      Instant last,
      long count,
      Instant windowStart,
      int inWindow,
      @Nullable Instant floodingSince) {

    static Streak first(Instant now) {
      return new Streak(now, now, 1, now, 1, null);
    }

    Streak next(Instant now, Duration window, int limit) {
      if (!now.isBefore(last.plus(QUIET))) {
        return first(now);
      }
      boolean newWindow = !now.isBefore(windowStart.plus(window));
      int counted = newWindow ? 1 : inWindow + 1;
      Instant flooding = floodingSince == null && counted >= limit ? now : floodingSince;
      return new Streak(since, now, count + 1, newWindow ? now : windowStart, counted, flooding);
    }
  }

  /**
   * What the fleet page says about a station that floods the hub.
   *
   * @param count messages refused since {@code since}
   * @param since the first refused message of this run
   * @param floodingSince when it passed the limit (and was disconnected, on the embedded broker)
   */
  public record Flag(long count, Instant since, Instant floodingSince, Instant last) {}

  /**
   * Counts and logs (sampled) one refused message.
   *
   * @param source the door it came through: {@code mqtt.event}, {@code mqtt.state}, {@code
   *     mqtt.response}
   * @param stationId the station whose topic it came on (the broker lets a station write only its
   *     own), or null when it names no known station
   * @param reason a short stable word, e.g. {@code not-an-object}
   * @param detail what was wrong, for the log
   */
  public void refused(String source, @Nullable String stationId, String reason, String detail) {
    if (stationId == null) {
      badInput.record(source, reason, detail);
      return;
    }
    badInput.record(source, reason, "station " + stationId + ": " + detail);
    Instant now = clock.instant();
    Streak streak =
        streaks.compute(
            stationId,
            (id, s) ->
                s == null
                    ? Streak.first(now)
                    : s.next(now, config.badMessageWindow(), config.badMessagesPerStation()));
    if (streak.inWindow() >= config.badMessagesPerStation()) {
      String why =
          "more than "
              + config.badMessagesPerStation()
              + " malformed messages within "
              + config.badMessageWindow().toSeconds()
              + " s";
      int closed = broker.map(b -> b.disconnectStation(stationId, why)).orElse(0);
      if (streak.inWindow() == config.badMessagesPerStation()) {
        LOG.warn(
            "station {} sent {} messages the hub refused within {} s ({} since {}); {}",
            stationId,
            streak.inWindow(),
            config.badMessageWindow().toSeconds(),
            streak.count(),
            streak.since(),
            broker.isPresent()
                ? "closed its " + closed + " connection(s); flagged on the fleet page"
                : "flagged on the fleet page (an external broker: not disconnected)");
      } else if (closed > 0) {
        // It came back and goes on: closed again, logged as a sampled kind so a loop stays quiet.
        badInput.record(
            "mqtt.flood", "disconnected", "station " + stationId + " closed again: " + why);
      }
    }
  }

  /** The flag for a station flooding the hub, while it is not quiet. */
  public Optional<Flag> flag(String stationId) {
    Streak s = streaks.get(stationId);
    if (s == null || s.floodingSince() == null || !clock.instant().isBefore(s.last().plus(QUIET))) {
      return Optional.empty();
    }
    return Optional.of(new Flag(s.count(), s.since(), s.floodingSince(), s.last()));
  }

  /** Messages refused from a station in its current run (0 when quiet). */
  public long count(String stationId) {
    Streak s = streaks.get(stationId);
    return s == null || !clock.instant().isBefore(s.last().plus(QUIET)) ? 0 : s.count();
  }
}
