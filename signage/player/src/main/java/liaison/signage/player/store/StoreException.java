package liaison.signage.player.store;

/** The local store could not be read or written; the message names the file. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
