package liaison.hub;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A child JVM of simulated stations as a benchmark drives it: commands, one a line, on its standard
 * input; its answers, the lines starting with one of the given prefixes ({@link
 * SimulatedStations#FIGURE} among them), queued in order; the rest of its output kept for a
 * failure's message. {@link #close} says {@code end} and waits for it to leave.
 */
public final class StationsProcess implements AutoCloseable {
  private final Process process;
  private final Writer commands;
  private final List<String> answers;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuffer log = new StringBuffer();

  private StationsProcess(Process process, List<String> answers) {
    this.process = process;
    this.answers = answers;
    this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread.ofPlatform().daemon().name("stations-output").start(this::read);
  }

  /**
   * {@code mainClass} with {@code args} in the folder {@code dir}, in Beijing time; lines starting
   * with {@link SimulatedStations#FIGURE} or one of {@code answers} are its answers.
   */
  public static StationsProcess start(
      Path dir, Class<?> mainClass, List<String> args, List<String> answers) throws IOException {
    ProcessBuilder builder =
        ChildJvm.builder(
                List.of(
                    "--sun-misc-unsafe-memory-access=allow",
                    "-Duser.timezone=Asia/Shanghai",
                    "-Dfile.encoding=UTF-8"),
                mainClass.getName(),
                args)
            .directory(dir.toFile())
            .redirectErrorStream(true);
    return new StationsProcess(
        builder.start(),
        Stream.concat(Stream.of(SimulatedStations.FIGURE), answers.stream()).toList());
  }

  private void read() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String l = line;
        if (answers.stream().anyMatch(l::startsWith)) {
          lines.add(line);
        } else {
          log.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      // the child ended
    }
  }

  /** Sends one command. */
  public void send(String command) throws IOException {
    commands.write(command + "\n");
    commands.flush();
  }

  /** The next answer, or null after {@code limit}. */
  public @Nullable String poll(Duration limit) throws InterruptedException {
    return lines.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next answer, which must start with {@code prefix}: what follows the prefix. */
  public String next(String prefix, Duration limit) throws InterruptedException {
    String line = poll(limit);
    if (line == null || !line.startsWith(prefix)) {
      throw failure(line + " where " + prefix + " was awaited");
    }
    return line.substring(prefix.length());
  }

  /** The next answer, which must be the figure {@code key}. */
  public long await(String key) throws InterruptedException {
    return Long.parseLong(next(SimulatedStations.FIGURE + key + "=", Duration.ofMinutes(5)).trim());
  }

  /** An error naming what the child sent, whether it lives and all it printed besides. */
  public IllegalStateException failure(String what) {
    return new IllegalStateException(
        "the stations' JVM sent "
            + what
            + " (alive: "
            + process.isAlive()
            + "); its output:\n"
            + log);
  }

  /** All the child printed that was not an answer. */
  public String log() {
    return log.toString();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      send("end");
      commands.close();
    } catch (IOException e) {
      // already gone
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
