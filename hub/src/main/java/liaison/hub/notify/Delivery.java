package liaison.hub.notify;

/**
 * What a channel answered for one message: sent (with the provider's or server's reference, for the
 * record) or failed with a reason people can read; a failure is retried unless it is final (an
 * address the provider refuses, a template it does not know), then the message is given up.
 */
public sealed interface Delivery {
  /** The server or provider accepted the message. */
  record Sent(String reference) implements Delivery {}

  /**
   * Not accepted.
   *
   * @param reason what the server or provider said, short, for the administrator's page
   * @param retry true when trying again later may succeed (a network fault, a busy server)
   */
  record Failed(String reason, boolean retry) implements Delivery {}
}
