package liaison.signage.player.command;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import liaison.signage.player.link.HubLink.Reply;
import liaison.signage.protocol.CommandName;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationCommand;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's side of remote commands. Each command on this station's command topic is decoded,
 * checked (not expired, a known name, not seen before) and carried out by the app's {@link
 * CommandHandler} on a thread of its own, never on the MQTT client's, and answered once on the
 * request's response topic with its correlation data. Nothing a sender does makes it throw: a bad
 * command is logged with the reason and, when it asked for an answer, refused.
 */
public final class StationCommands implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StationCommands.class);

  /** QoS 1 may deliver a command again (after a reconnect); ids this recent are answered once. */
  static final int REMEMBERED = 256;

  static final Duration IDENTIFY_DEFAULT = Duration.ofSeconds(10);
  private static final Duration IDENTIFY_MAX = Duration.ofMinutes(5);

  private final String stationId;
  private final Clock clock;
  private final BiFunction<Reply, byte[], CompletableFuture<Integer>> replies;
  private final ScreenshotUpload uploads;
  private final Map<UUID, Boolean> seen =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
          return size() > REMEMBERED;
        }
      };
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          Thread.ofPlatform().daemon().name("station-commands").factory());
  private volatile CommandHandler handler = CommandHandler.NONE;

  /**
   * @param replies sends an answer: the link's {@code reply}
   */
  public StationCommands(
      String stationId,
      Clock clock,
      BiFunction<Reply, byte[], CompletableFuture<Integer>> replies) {
    this(stationId, clock, replies, null);
  }

  /**
   * @param tls for uploads over HTTPS to a hub whose certificate the JVM does not know
   */
  public StationCommands(
      String stationId,
      Clock clock,
      BiFunction<Reply, byte[], CompletableFuture<Integer>> replies,
      javax.net.ssl.@org.jspecify.annotations.Nullable SSLContext tls) {
    this.stationId = stationId;
    this.clock = clock;
    this.replies = replies;
    this.uploads = new ScreenshotUpload(tls);
  }

  /** The app's handler; until one is set, every command is refused. */
  public void handler(CommandHandler next) {
    handler = next;
  }

  /** A command on this station's own topic; returns at once (the work runs on its own thread). */
  public void received(byte[] payload, @Nullable Reply reply) {
    try {
      worker.execute(() -> handle(payload, reply));
    } catch (RejectedExecutionException e) {
      LOG.warn("station {}: a command arrived while stopping; ignored", stationId);
    }
  }

  /**
   * A command on another station's topic (this station never subscribes to one: this is the second
   * line). Refused, never carried out.
   */
  public void foreign(String topic, @Nullable Reply reply) {
    String why =
        "station " + stationId + ": refused a command on " + topic + ", another station's topic";
    LOG.warn(why);
    correlated(reply)
        .ifPresent(
            id -> answer(reply, CommandResult.refused(id, "命令不是发给本站的（" + topic + "）", why, now())));
  }

  private void handle(byte[] payload, @Nullable Reply reply) {
    StationCommand command;
    try {
      command = ProtocolCodec.decode(payload, StationCommand.class);
    } catch (ProtocolException e) {
      LOG.warn("station {}: refused a command that is not valid: {}", stationId, e.getMessage());
      correlated(reply)
          .ifPresent(
              id ->
                  answer(
                      reply,
                      CommandResult.refused(
                          id, "命令格式错误：" + e.getMessage(), e.getMessage(), now())));
      return;
    }
    synchronized (seen) {
      if (seen.put(command.id(), Boolean.TRUE) != null) {
        LOG.info(
            "station {}: command {} ({}) delivered again; already answered",
            stationId,
            command.id(),
            command.name());
        return;
      }
    }
    OffsetDateTime now = now();
    if (command.expired(now)) {
      String en =
          "command "
              + command.name()
              + " expired at "
              + command.expiresAt()
              + " (now "
              + now
              + "); not carried out";
      LOG.warn("station {}: {}", stationId, en);
      answer(reply, CommandResult.refused(command.id(), "命令已过期，未执行", en, now));
      return;
    }
    Optional<CommandName> name = command.known();
    if (name.isEmpty()) {
      String en =
          "unknown command '"
              + command.name()
              + "'; this station knows "
              + java.util.Arrays.toString(CommandName.values());
      LOG.warn("station {}: {}", stationId, en);
      answer(reply, CommandResult.refused(command.id(), "本站不认识命令 " + command.name(), en, now));
      return;
    }
    LOG.info(
        "station {}: command {} {} from {}",
        stationId,
        command.name(),
        command.id(),
        command.issuedBy());
    CommandResult result = run(command, name.get());
    if (name.get() == CommandName.RESTART_APP && result.outcome() == CommandResult.Outcome.OK) {
      // The answer first: nothing is sent once the app has stopped.
      answer(reply, result).join();
      try {
        handler.restartApp();
      } catch (RuntimeException e) {
        LOG.error("station {}: restart failed: {}", stationId, e.getMessage());
      }
      return;
    }
    answer(reply, result);
  }

  private CommandResult run(StationCommand command, CommandName name) {
    UUID id = command.id();
    try {
      return switch (name) {
        case SCREENSHOT -> screenshot(command);
        case IDENTIFY -> {
          Duration howLong = identifyFor(command);
          handler.identify(howLong);
          yield CommandResult.ok(
              id,
              "正在闪灯识别 " + howLong.toSeconds() + " 秒",
              "identifying for " + howLong.toSeconds() + " s",
              now());
        }
        case RELOAD_CONTENT -> {
          handler.reloadContent();
          yield CommandResult.ok(id, "已重新加载内容", "content reloaded", now());
        }
        case RESTART_APP -> {
          if (handler == CommandHandler.NONE) {
            throw new UnsupportedOperationException("not restartable from here");
          }
          yield CommandResult.ok(id, "正在重启", "restarting", now());
        }
        case SCREEN_ON -> {
          handler.screen(true);
          yield CommandResult.ok(id, "屏幕已打开", "screen on", now());
        }
        case SCREEN_OFF -> {
          handler.screen(false);
          yield CommandResult.ok(id, "屏幕已关闭", "screen off", now());
        }
      };
    } catch (UnsupportedOperationException e) {
      LOG.warn("station {}: {} not supported here: {}", stationId, name, e.getMessage());
      return CommandResult.refused(
          id, "本站不支持此命令", name + " is not supported on this station: " + e.getMessage(), now());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CommandResult.failed(id, "执行被中断", name + " interrupted", now());
    } catch (Exception e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.warn("station {}: {} failed: {}", stationId, name, why);
      return CommandResult.failed(id, "执行失败：" + why, name + " failed: " + why, now());
    }
  }

  private CommandResult screenshot(StationCommand command) throws Exception {
    String url = command.args().get(StationCommand.UPLOAD_URL);
    String token = command.args().get(StationCommand.UPLOAD_TOKEN);
    if (url == null || token == null) {
      return CommandResult.refused(
          command.id(),
          "截图命令缺少上传地址或令牌",
          "SCREENSHOT needs the arguments uploadUrl and uploadToken",
          now());
    }
    byte[] png = handler.screenshot();
    String hash = uploads.upload(url, token, png);
    LOG.info("station {}: screenshot of {} bytes uploaded ({})", stationId, png.length, hash);
    return new CommandResult(
        command.id(),
        CommandResult.Outcome.OK,
        "已截图并上传",
        "screenshot uploaded (" + png.length + " bytes)",
        now(),
        hash);
  }

  private static Duration identifyFor(StationCommand command) {
    String seconds = command.args().get(StationCommand.SECONDS);
    if (seconds == null) {
      return IDENTIFY_DEFAULT;
    }
    try {
      Duration asked = Duration.ofSeconds(Long.parseLong(seconds.strip()));
      return asked.isNegative() || asked.isZero()
          ? IDENTIFY_DEFAULT
          : asked.compareTo(IDENTIFY_MAX) > 0 ? IDENTIFY_MAX : asked;
    } catch (NumberFormatException e) {
      return IDENTIFY_DEFAULT;
    }
  }

  private CompletableFuture<Integer> answer(@Nullable Reply reply, CommandResult result) {
    if (reply == null) {
      LOG.info(
          "station {}: command {} {} ({}); nobody asked for an answer",
          stationId,
          result.commandId(),
          result.outcome(),
          result.messageEn());
      return CompletableFuture.completedFuture(0);
    }
    return replies
        .apply(reply, ProtocolCodec.encode(result))
        .orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(
            e -> {
              LOG.warn(
                  "station {}: the answer to command {} was not sent: {}",
                  stationId,
                  result.commandId(),
                  e.getMessage());
              return -1;
            });
  }

  /**
   * The command id the hub put in the correlation data, to refuse a command that cannot be read.
   */
  private static Optional<UUID> correlated(@Nullable Reply reply) {
    if (reply == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          UUID.fromString(new String(reply.correlationData(), StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
