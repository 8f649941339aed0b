package liaison.hub.command;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PostConstruct;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import liaison.hub.audit.AuditLog;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.MalformedSenders;
import liaison.hub.db.Database;
import liaison.hub.db.DatabaseFault;
import liaison.hub.db.Sql;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.CommandName;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationCommand;
import liaison.signage.protocol.Topic;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a remote command to one station and waits for its answer: stored first (PENDING, with the
 * audit entry), published on the station's command topic as an MQTT 5 request whose response topic
 * is that station's answer topic for this hub instance ({@code
 * liaison/v1/station/{s}/response/{hub}}, which the broker lets only that station write) and whose
 * correlation data is the command id, then OK / REFUSED / FAILED as the station answers, or
 * TIMED_OUT. An answer is taken only from the station the command went to; anything else on the
 * answer topics is counted, logged (sampled) and dropped, and the command's outcome stays as it
 * was. A screenshot travels over HTTP with a one-time token carried in the command ({@link
 * #acceptScreenshot}).
 */
@Context
public class CommandService {
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Where refused answers are counted ({@link liaison.hub.problem.BadInput}). */
  static final String SOURCE = "mqtt.response";

  private final BrokerClient broker;
  private final CommandRepository commands;
  private final ScreenshotStore screenshots;
  private final Access access;
  private final AuditLog audit;
  private final PublicLinks links;
  private final Database database;
  private final Clock clock;
  private final Duration timeout;
  private final MalformedSenders senders;
  private final String hubInstance;
  private final Map<String, CompletableFuture<CommandResult>> waiting = new ConcurrentHashMap<>();

  public CommandService(
      BrokerClient broker,
      CommandRepository commands,
      ScreenshotStore screenshots,
      Access access,
      AuditLog audit,
      PublicLinks links,
      Database database,
      Clock clock,
      @Value("${hub.commands.timeout:15s}") Duration timeout,
      MalformedSenders senders) {
    this.broker = broker;
    this.commands = commands;
    this.screenshots = screenshots;
    this.access = access;
    this.audit = audit;
    this.links = links;
    this.database = database;
    this.clock = clock;
    this.timeout = timeout;
    this.senders = senders;
    this.hubInstance = broker.instance();
  }

  @PostConstruct
  void start() {
    broker.subscribe(Topic.responsesFor(hubInstance), this::answered);
  }

  public Duration timeout() {
    return timeout;
  }

  /**
   * Sends the command and waits (at most the timeout) for the answer.
   *
   * @throws liaison.hub.problem.NotFoundProblem no such station
   * @throws ForbiddenProblem the staff member may not send this command to this station
   * @throws ValidationProblem on field {@code name}: not a command
   */
  public CommandRecord send(Staff staff, String stationId, @Nullable String nameText) {
    // Refused before the name is read: a deputy's account sends nothing, whatever it sends.
    access.requireStationStaff(staff, stationId);
    CommandName name =
        CommandName.of(nameText == null ? "" : nameText.strip())
            .orElseThrow(
                () ->
                    ValidationProblem.of(
                        "name",
                        Text.of(
                            "problem.command.unknown", nameText, List.of(CommandName.values()))));
    if (!CommandRules.allowed(staff, name)) {
      throw new ForbiddenProblem(Text.of("problem.command.not-allowed", stationId, name));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    UUID id = UUID.randomUUID();
    String by = staff.displayName() + " (" + staff.username() + ")";
    Map<String, String> args = new HashMap<>();
    String tokenHash = null;
    if (name == CommandName.SCREENSHOT) {
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
      tokenHash = ScreenshotStore.sha256(token.getBytes(StandardCharsets.UTF_8));
      args.put(
          StationCommand.UPLOAD_URL, links.base() + "/api/stations/" + stationId + "/screenshots");
      args.put(StationCommand.UPLOAD_TOKEN, token);
    }
    // The station refuses it after the hub stopped waiting: no surprise reboot an hour later.
    StationCommand command = StationCommand.of(id, name, now, by, args, now.plus(timeout));
    CommandRecord pending =
        new CommandRecord(
            id.toString(),
            stationId,
            name.name(),
            by,
            now,
            command.expiresAt(),
            CommandStatus.PENDING,
            null,
            null,
            null,
            null);
    String storedToken = tokenHash;
    database.useTransaction(
        h -> {
          commands.insert(h, pending, storedToken);
          audit.record(h, staff, "command", "station", stationId, name.name() + " (" + id + ")");
        });
    CompletableFuture<CommandResult> answer = new CompletableFuture<>();
    waiting.put(id.toString(), answer);
    try {
      broker
          .request(
              Topic.stationCommand(stationId).toString(),
              ProtocolCodec.encode(command),
              Topic.stationResponse(stationId, hubInstance).toString(),
              id.toString().getBytes(StandardCharsets.UTF_8))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn(
          "station {}: no answer to {} {} within {} s", stationId, name, id, timeout.toSeconds());
      database.useHandle(
          h ->
              answer(
                  h,
                  id,
                  CommandStatus.TIMED_OUT,
                  Text.of("command.answer.timed-out", timeout.toSeconds())));
    } catch (ExecutionException e) {
      String why = e.getCause() == null ? e.toString() : String.valueOf(e.getCause().getMessage());
      LOG.warn("station {}: command {} {} not sent: {}", stationId, name, id, why);
      database.useHandle(
          h -> answer(h, id, CommandStatus.FAILED, Text.of("command.answer.not-sent", why)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waiting.remove(id.toString());
    }
    return commands.find(id.toString()).orElseThrow();
  }

  /** The station's newest screenshot command that brought a picture, for its staff. */
  public Optional<CommandRecord> latestScreenshot(Staff staff, String stationId) {
    access.requireStationStaff(staff, stationId);
    return commands.latestScreenshot(stationId);
  }

  /**
   * A screenshot's PNG, for the staff of the station it came from (it may show a resident at the
   * screen); empty when no command of any station brought it, or its file is gone.
   */
  public Optional<byte[]> screenshot(Staff staff, String hash) {
    Optional<String> station = commands.stationOfScreenshot(hash);
    if (station.isEmpty()) {
      return Optional.empty();
    }
    access.requireStationStaff(staff, station.get());
    return screenshots.read(hash);
  }

  /** The newest commands of a station, for its staff (not a deputy's account). */
  public List<CommandRecord> history(Staff staff, String stationId, int limit) {
    access.requireStationStaff(staff, stationId);
    return commands.history(stationId, limit);
  }

  /**
   * An answer on one of this hub's answer topics. Nothing in it can throw out of the broker's
   * callback: whatever is wrong is counted against the station whose topic it came on, and the
   * delivery is always acknowledged.
   */
  void answered(BrokerClient.Delivery delivery) {
    Optional<Topic.Response> topic = Topic.tryParseResponse(delivery.topic());
    @Nullable String from = topic.map(Topic.Response::stationId).orElse(null);
    try {
      if (topic.isEmpty()) {
        senders.refused(
            SOURCE,
            null,
            "wrong-topic",
            "an answer on " + delivery.topic() + ", not a station's answer topic");
        return;
      }
      judge(topic.get().stationId(), delivery);
    } catch (RuntimeException e) {
      if (DatabaseFault.of(e) == DatabaseFault.UNAVAILABLE) {
        // Not the station's fault: the command times out as if the answer had not come.
        LOG.warn(
            "station {}: an answer could not be recorded, the database is unavailable: {}",
            from,
            e.toString());
      } else {
        senders.refused(
            SOURCE, from, "unreadable", "an answer on " + delivery.topic() + " failed: " + e);
      }
    } finally {
      delivery.ack().run();
    }
  }

  private void judge(String from, BrokerClient.Delivery delivery) {
    CommandResult result;
    try {
      result = ProtocolCodec.decode(delivery.payload(), CommandResult.class);
    } catch (ProtocolException e) {
      senders.refused(SOURCE, from, e.reason().word(), e.getMessage());
      return;
    }
    String correlation = new String(delivery.correlationData(), StandardCharsets.UTF_8);
    String id = result.commandId().toString();
    if (!correlation.isEmpty() && !correlation.equals(id)) {
      senders.refused(
          SOURCE,
          from,
          "wrong-correlation",
          "an answer for command "
              + id
              + " carrying correlation data '"
              + printable(correlation)
              + "'");
      return;
    }
    Optional<CommandRecord> command = commands.find(id);
    if (command.isEmpty()) {
      senders.refused(
          SOURCE,
          from,
          "unknown-command",
          "an answer to command " + id + ", which this hub did not send");
      return;
    }
    if (!command.get().stationId().equals(from)) {
      // The broker lets a station write only its own answer topic: the topic is who answered.
      senders.refused(
          SOURCE,
          from,
          "wrong-station",
          "answered command "
              + id
              + " ("
              + command.get().name()
              + "), which went to station "
              + command.get().stationId()
              + "; its outcome is unchanged");
      return;
    }
    String hash = result.screenshotHash();
    if (hash != null && !hash.equals(command.get().screenshotHash())) {
      LOG.warn(
          "station {}: answer to {} names screenshot {} but uploaded {}; not linked",
          command.get().stationId(),
          id,
          hash,
          command.get().screenshotHash());
      hash = null;
    }
    CommandStatus status = CommandStatus.valueOf(result.outcome().name());
    String linked = hash;
    boolean stored =
        database.withHandle(
            h ->
                commands.answer(
                    h, id, status, result.message(), result.messageEn(), result.at(), linked));
    LOG.info(
        "station {}: {} {} answered {}: {}{}",
        command.get().stationId(),
        command.get().name(),
        id,
        status,
        result.messageEn() == null ? result.message() : result.messageEn(),
        stored ? "" : " (already answered; ignored)");
    CompletableFuture<CommandResult> waiter = waiting.get(id);
    if (waiter != null) {
      waiter.complete(result);
    }
  }

  private static String printable(String text) {
    String cut = text.length() > 64 ? text.substring(0, 64) + "…" : text;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /**
   * A station's screenshot upload: the token must be the one sent with a SCREENSHOT to that
   * station, unused and not expired; the bytes a PNG of at most 3 MB. Nothing is stored otherwise.
   *
   * @return the screenshot's hash
   * @throws ForbiddenProblem a missing, wrong, used or expired token
   * @throws ValidationProblem not a usable PNG
   */
  public String acceptScreenshot(String stationId, @Nullable String token, byte[] body) {
    if (token == null || token.isBlank()) {
      LOG.warn("station {}: refused a screenshot upload without a token", stationId);
      throw new ForbiddenProblem(Text.of("problem.screenshot.token.missing"));
    }
    String tokenHash = ScreenshotStore.sha256(token.strip().getBytes(StandardCharsets.UTF_8));
    String now = Sql.instant(OffsetDateTime.now(clock));
    // The token first: whoever holds none learns nothing about what the hub would accept.
    if (!commands.hasUploadToken(stationId, tokenHash, now)) {
      LOG.warn(
          "station {}: refused a screenshot upload: the token is wrong, used or expired",
          stationId);
      throw new ForbiddenProblem(Text.of("problem.screenshot.token.refused"));
    }
    ScreenshotStore.Checked shot;
    try {
      shot = screenshots.check(body);
    } catch (ValidationProblem e) {
      LOG.warn("station {}: refused a screenshot upload: {}", stationId, e.getMessage());
      throw e;
    }
    Optional<String> command =
        database.inTransaction(
            h -> {
              Optional<String> used =
                  commands.useUploadToken(h, stationId, tokenHash, shot.hash(), now);
              // Written inside the transaction: if the file cannot be written, the token stays
              // unused.
              used.ifPresent(x -> screenshots.save(shot));
              return used;
            });
    if (command.isEmpty()) {
      LOG.warn(
          "station {}: refused a screenshot upload: the token is wrong, used or expired",
          stationId);
      throw new ForbiddenProblem(Text.of("problem.screenshot.token.refused"));
    }
    LOG.info(
        "station {}: screenshot {} ({}×{}) stored for command {}",
        stationId,
        shot.hash(),
        shot.width(),
        shot.height(),
        command.get());
    return shot.hash();
  }

  /** The hub's own answer in the command's history, kept in both languages as a station's is. */
  private void answer(Handle h, UUID id, CommandStatus status, Text message) {
    commands.answer(
        h, id.toString(), status, message.zh(), message.en(), OffsetDateTime.now(clock), null);
  }
}
