package liaison.hub.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Leases;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadInput;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what is due in the outbox, on one hub at a time (the lease {@value #LEASE}), and records
 * each outcome: sent; failed and tried again later (after 1 min, 5 min, 30 min, 2 h, then every 6
 * h); or given up, when the channel says trying again is pointless or after {@code
 * hub.notify.max-attempts} tries.
 *
 * <p>Each message is sent outside any transaction, on the job's platform thread (a mail server may
 * take seconds to answer; no connection is held meanwhile), then its outcome is written in a
 * transaction of its own. So a message is sent <em>at least</em> once: a hub that stops between
 * sending and recording sends it again on the next round. One bad message (a channel that throws, a
 * row that cannot be read) is recorded as failed and the round goes on with the others.
 */
@Singleton
public class OutboxSender {
  public static final String LEASE = "notify-send";
  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, String>> PARAMS = new TypeReference<>() {};

  /** Waits after the first, second, … failed try; the last one repeats. */
  static final List<Duration> BACKOFF =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(6));

  /** A channel's reason is kept this long at most (a mail server may answer with a page). */
  static final int MAX_REASON = 500;

  private final Database database;
  private final Leases leases;
  private final MailGateway mail;
  private final SmsGateway sms;
  private final OutboxSettings settings;
  private final BadInput badInput;
  private final Clock clock;

  public OutboxSender(
      Database database,
      Leases leases,
      MailGateway mail,
      SmsGateway sms,
      OutboxSettings settings,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.leases = leases;
    this.mail = mail;
    this.sms = sms;
    this.settings = settings;
    this.badInput = badInput;
    this.clock = clock;
  }

  /** What one round did. */
  public record Round(int sent, int retrying, int givenUp) {
    static final Round NOTHING = new Round(0, 0, 0);

    public int total() {
      return sent + retrying + givenUp;
    }
  }

  /** A message due, as stored. */
  private record Due(
      String id,
      String channel,
      String recipient,
      String subject,
      String body,
      String template,
      String params,
      @Nullable String unsubscribe,
      int attempts) {}

  @Scheduled(
      fixedDelay = "${hub.notify.send-every:15s}",
      initialDelay = "${hub.notify.send-every:15s}")
  @Leased(LEASE)
  void sendOnSchedule() {
    Round round = sendDue();
    if (round.total() > 0) {
      LOG.info(
          "outbox: {} sent, {} to try again, {} given up",
          round.sent(),
          round.retrying(),
          round.givenUp());
    }
  }

  /**
   * One round: sends the messages due now (a batch at most), if this hub holds the sender's lease,
   * and stops early when it may have lost it.
   */
  public Round sendDue() {
    if (!leases.runsHere(LEASE)) {
      return Round.NOTHING;
    }
    String now = Sql.instant(OffsetDateTime.now(clock));
    List<Due> due =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, channel, recipient, subject, body, template, params,"
                            + " unsubscribe, attempts FROM notification WHERE status = 'PENDING'"
                            + " AND next_attempt_at <= :now ORDER BY next_attempt_at, id LIMIT :batch")
                    .bind("now", now)
                    .bind("batch", settings.batch())
                    .map(
                        (rs, ctx) ->
                            new Due(
                                rs.getString("id"),
                                rs.getString("channel"),
                                rs.getString("recipient"),
                                rs.getString("subject"),
                                rs.getString("body"),
                                rs.getString("template"),
                                rs.getString("params"),
                                rs.getString("unsubscribe"),
                                rs.getInt("attempts")))
                    .list());
    int sent = 0;
    int retrying = 0;
    int givenUp = 0;
    for (Due d : due) {
      if (!leases.holds(LEASE)) {
        // Another hub may take the lease soon: leave the rest to it.
        break;
      }
      Delivery outcome = deliver(d);
      switch (record(d, outcome)) {
        case SENT -> sent++;
        case PENDING -> retrying++;
        case GIVEN_UP -> givenUp++;
        case null -> {}
      }
    }
    return new Round(sent, retrying, givenUp);
  }

  /** Through its channel, never throwing: what went wrong is the outcome. */
  private Delivery deliver(Due d) {
    try {
      if (d.recipient().isBlank()) {
        badInput.record("outbox", "no-recipient", d.id());
        return new Delivery.Failed("收件人为空（联系方式已删除） / no recipient (contact erased)", false);
      }
      return switch (d.channel()) {
        case "EMAIL" ->
            mail.send(new MailMessage(d.recipient(), d.subject(), d.body(), d.unsubscribe()));
        case "SMS" -> sms.send(new SmsMessage(d.recipient(), d.template(), params(d)));
        default -> {
          badInput.record("outbox", "unknown-channel", d.id() + " " + d.channel());
          yield new Delivery.Failed("未知的发送渠道 / unknown channel", false);
        }
      };
    } catch (JsonProcessingException e) {
      badInput.record("outbox", "unreadable-params", d.id() + ": " + e.getOriginalMessage());
      return new Delivery.Failed("短信参数无法读取 / the SMS parameters cannot be read", false);
    } catch (RuntimeException e) {
      // A channel's fault, not the message's: try again later, and keep the others going.
      badInput.record("outbox", "channel-failed", d.id() + ": " + e);
      String said = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new Delivery.Failed("发送出错 / the channel failed" + said, true);
    }
  }

  private static Map<String, String> params(Due d) throws JsonProcessingException {
    return JSON.readValue(d.params(), PARAMS);
  }

  /**
   * Writes the outcome, if the message is still as it was read (an administrator may have changed
   * it meanwhile); returns its new state, or null when it had changed.
   */
  private @Nullable NotificationState record(Due d, Delivery outcome) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int attempts = d.attempts() + 1;
    if (outcome instanceof Delivery.Sent s) {
      int changed =
          database.inTransaction(
              h ->
                  h.createUpdate(
                          "UPDATE notification SET status = 'SENT', attempts = :attempts,"
                              + " reference = :reference, sent_at = :now"
                              + " WHERE id = :id AND status = 'PENDING' AND attempts = :before")
                      .bind("id", d.id())
                      .bind("before", d.attempts())
                      .bind("attempts", attempts)
                      .bind("reference", s.reference())
                      .bind("now", Sql.instant(now))
                      .execute());
      return changed == 1 ? NotificationState.SENT : null;
    }
    Delivery.Failed f = (Delivery.Failed) outcome;
    String reason =
        f.reason().length() > MAX_REASON ? f.reason().substring(0, MAX_REASON) : f.reason();
    NotificationState state =
        f.retry() && attempts < settings.maxAttempts()
            ? NotificationState.PENDING
            : NotificationState.GIVEN_UP;
    int changed =
        database.inTransaction(
            h ->
                h.createUpdate(
                        "UPDATE notification SET status = :status, attempts = :attempts,"
                            + " last_error = :reason, next_attempt_at = :next"
                            + " WHERE id = :id AND status = 'PENDING' AND attempts = :before")
                    .bind("id", d.id())
                    .bind("before", d.attempts())
                    .bind("attempts", attempts)
                    .bind("status", state.name())
                    .bind("reason", reason)
                    .bind("next", Sql.instant(now.plus(backoff(attempts))))
                    .execute());
    if (changed == 1 && state == NotificationState.GIVEN_UP) {
      LOG.warn("outbox: gave up message {} after {} tries: {}", d.id(), attempts, reason);
    }
    return changed == 1 ? state : null;
  }

  /** The wait after the given number of failed tries. */
  static Duration backoff(int failedTries) {
    return BACKOFF.get(Math.min(Math.max(failedTries, 1), BACKOFF.size()) - 1);
  }
}
