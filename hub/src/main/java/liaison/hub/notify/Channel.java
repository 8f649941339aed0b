package liaison.hub.notify;

/** The way a notification leaves the hub. */
public enum Channel {
  /** To a department or staff, over SMTP ({@link MailGateway}). */
  EMAIL,
  /** To a resident's mobile, through the provider's template ({@link SmsGateway}). */
  SMS
}
