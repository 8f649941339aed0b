package liaison.hub.notify;

/** Where a message of the outbox is: the {@code notification.status} column. */
public enum NotificationState {
  /** To send: never tried yet, or tried and failed, to try again at {@code next_attempt_at}. */
  PENDING,
  /** The channel accepted it. */
  SENT,
  /** Not sent and not tried again: the channel refused it for good, or it failed too often. */
  GIVEN_UP
}
