package liaison.signage.player.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import liaison.signage.protocol.StationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's settings that spare the SD card keep its promise: an event {@link Outbox#add} has
 * returned for is in the file even when the process is killed in the middle of the next write. A
 * station's process is killed with SIGKILL while it records events as fast as it can; every event
 * it said was recorded is there when the store opens again, and the file is whole.
 *
 * <p>SIGKILL loses what the process had not handed to the kernel; a power cut also loses what the
 * kernel had not written to the card, which {@code synchronous=FULL} (an fsync at each commit)
 * covers and which only a real power cut on a Pi can show (docs/FIELD.md).
 */
class StoreKilledMidWriteTest {

  private static final int RECORDED_BEFORE_KILL = 300;

  @TempDir Path dir;

  @Test
  void shouldKeepEveryRecordedEventWhenKilledMidWrite() throws Exception {
    Path file = dir.resolve("station.db");
    String java = ProcessHandle.current().info().command().orElseThrow();
    ProcessBuilder builder =
        new ProcessBuilder(java, Writer.class.getName(), file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder
        .environment()
        .put(
            "CLASSPATH",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    Process process = builder.start();
    List<UUID> recorded = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (recorded.size() < RECORDED_BEFORE_KILL && (line = out.readLine()) != null) {
        recorded.add(UUID.fromString(line));
      }
      // killed while it goes on writing: the next add is in flight (what it says after this
      // line is not read: killing the process closes the pipe)
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(recorded).hasSizeGreaterThanOrEqualTo(RECORDED_BEFORE_KILL);

    try (ContentStore store = ContentStore.open(file)) {
      Set<UUID> kept = new HashSet<>();
      store.outbox().after(0, Integer.MAX_VALUE).forEach(p -> kept.add(p.id()));
      assertThat(kept).containsAll(recorded);
      String check =
          store.withConnection(
              "check the file",
              c -> {
                try (var st = c.createStatement();
                    var rs = st.executeQuery("PRAGMA integrity_check")) {
                  rs.next();
                  return rs.getString(1);
                }
              });
      assertThat(check).isEqualTo("ok");
    }
  }

  /** The station's side: records events one after another and says each once add returned. */
  public static final class Writer {
    private Writer() {}

    public static void main(String[] args) {
      try (ContentStore store = ContentStore.open(Path.of(args[0]))) {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-05T08:00:00+08:00");
        for (int i = 0; ; i++) {
          StationEvent event =
              new StationEvent(UUID.randomUUID(), "motion", at.plusSeconds(i), Map.of("n", i));
          store.outbox().add(event);
          System.out.println(event.id());
          System.out.flush();
        }
      }
    }
  }
}
