package liaison.hub.config;

/** The hub cannot start; the message names what to fix (a path, a port, a setting). */
public final class StartupProblem extends RuntimeException {
  public StartupProblem(String message) {
    super(message);
  }

  public StartupProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
