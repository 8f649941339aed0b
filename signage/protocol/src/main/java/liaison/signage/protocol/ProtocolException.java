package liaison.signage.protocol;

/** A payload that is not a valid message of the expected kind; the message says what was expected. */
public final class ProtocolException extends RuntimeException {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
