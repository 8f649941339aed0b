package liaison.hub;

import java.util.ArrayList;
import java.util.List;

/**
 * A second JVM a test or benchmark starts (simulated stations, another hub): the java that runs the
 * test, with the test's class path.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * {@code java <options> <mainClass> <args>}, its class path the test's: surefire runs tests from
   * a manifest-only jar and keeps the full class path in a property of its own.
   */
  public static ProcessBuilder builder(List<String> options, String mainClass, List<String> args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(options);
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder
        .environment()
        .put(
            "CLASSPATH",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    return builder;
  }
}
