import com.sun.tools.attach.VirtualMachine;
import java.lang.reflect.Method;

/**
 * A test-only way to hang a running station's JavaFX thread from outside, with no hook in the
 * product: {@code java HangFxThread.java PID AGENT_JAR} attaches to the app (the attach API) and
 * loads this class as an agent, whose {@link #agentmain} posts an endless task to the FX thread.
 * The app's other threads go on; only its watchdog should notice (docs/FIELD.md).
 */
public final class HangFxThread {
  private HangFxThread() {}

  public static void main(String[] args) throws Exception {
    VirtualMachine app = VirtualMachine.attach(args[0]);
    try {
      app.loadAgent(args[1]);
    } finally {
      app.detach();
    }
    System.out.println("test-install: the FX thread of process " + args[0] + " is given an endless task");
  }

  public static void agentmain(String options) throws Exception {
    // The app puts JavaFX on its class path, so the system class loader finds it.
    Class<?> platform =
        Class.forName("javafx.application.Platform", true, ClassLoader.getSystemClassLoader());
    Method runLater = platform.getMethod("runLater", Runnable.class);
    Runnable endless =
        () -> {
          while (true) {
            try {
              Thread.sleep(60_000);
            } catch (InterruptedException e) {
              // Not even an interrupt frees it: only the watchdog's restart does.
            }
          }
        };
    runLater.invoke(null, endless);
  }
}
