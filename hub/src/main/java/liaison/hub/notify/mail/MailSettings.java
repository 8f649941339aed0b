package liaison.hub.notify.mail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.core.value.PropertyResolver;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import liaison.hub.text.Text;
import liaison.signage.transport.TrustedCertificates;
import org.jspecify.annotations.Nullable;

/**
 * The county's mail server ({@code hub.notify.mail.*}, read only when {@code
 * hub.notify.mail.channel} is {@code smtp}); docs/NOTIFICATIONS.md, "E-mail", has an example.
 *
 * @param security {@code starttls} (the default: the connection must turn to TLS before the
 *     password or any message is sent, or nothing is sent), {@code ssl} (TLS from the first byte,
 *     usually port 465) or {@code none} (a relay on the hub's own network, no password)
 * @param username with {@code password}: log in (AUTH) before sending; empty: the server takes mail
 *     without
 * @param from the sender's address, which the server must accept for this account
 * @param fromName the sender's name as people read it, e.g. 某某县人大代表联络站
 * @param trustCertificate a PEM file with the certificate of the authority that signed the mail
 *     server's (or the server's own): for a county's server under a private authority. Empty: the
 *     authorities Java trusts. The host name is checked against the certificate either way.
 */
@ConfigurationProperties("hub.notify.mail")
@Requires(property = "hub.notify.mail.channel", value = "smtp")
public record MailSettings(
    @Nullable String host,
    @Bindable(defaultValue = MailSettings.PORT) int port,
    @Bindable(defaultValue = MailSettings.SECURITY) String security,
    @Nullable String username,
    @Nullable String password,
    @Nullable String from,
    @Nullable String fromName,
    @Bindable(defaultValue = MailSettings.CONNECT_TIMEOUT) Duration connectTimeout,
    @Bindable(defaultValue = MailSettings.READ_TIMEOUT) Duration readTimeout,
    @Nullable String trustCertificate) {

  static final String PREFIX = "hub.notify.mail.";
  static final String PORT = "587";
  static final String SECURITY = "starttls";
  static final String CONNECT_TIMEOUT = "10s";
  static final String READ_TIMEOUT = "30s";

  /**
   * The settings as the hub would bind them, read without starting it (for {@code check-mail},
   * which must not open the database or the broker of a hub that may be running).
   */
  static MailSettings read(PropertyResolver env) {
    return new MailSettings(
        env.getProperty(PREFIX + "host", String.class).orElse(null),
        env.getProperty(PREFIX + "port", Integer.class).orElse(Integer.parseInt(PORT)),
        env.getProperty(PREFIX + "security", String.class).orElse(SECURITY),
        env.getProperty(PREFIX + "username", String.class).orElse(null),
        env.getProperty(PREFIX + "password", String.class).orElse(null),
        env.getProperty(PREFIX + "from", String.class).orElse(null),
        env.getProperty(PREFIX + "from-name", String.class).orElse(null),
        duration(env, "connect-timeout", CONNECT_TIMEOUT),
        duration(env, "read-timeout", READ_TIMEOUT),
        env.getProperty(PREFIX + "trust-certificate", String.class).orElse(null));
  }

  private static Duration duration(PropertyResolver env, String key, String otherwise) {
    return env.getProperty(PREFIX + key, Duration.class)
        .orElseGet(() -> ConversionService.SHARED.convertRequired(otherwise, Duration.class));
  }

  /** How the connection is protected. */
  enum Security {
    STARTTLS,
    SSL,
    NONE
  }

  /** The protection asked for; {@link #problems()} has refused anything else. */
  Security protection() {
    return Security.valueOf(security.trim().toUpperCase(Locale.ROOT));
  }

  boolean logsIn() {
    return !blank(username);
  }

  /**
   * What keeps the hub from sending with these settings, one sentence per setting (empty: none), so
   * the start can name every setting to fix at once.
   */
  List<Text> problems() {
    List<Text> problems = new ArrayList<>();
    if (blank(host)) {
      problems.add(Text.of("mail.settings.missing", PREFIX + "host"));
    }
    if (port < 1 || port > 65535) {
      problems.add(Text.of("mail.settings.port", PREFIX + "port", String.valueOf(port)));
    }
    if (!List.of("starttls", "ssl", "none").contains(security.trim().toLowerCase(Locale.ROOT))) {
      problems.add(Text.of("mail.settings.security", PREFIX + "security", security));
    }
    if (blank(from)) {
      problems.add(Text.of("mail.settings.missing", PREFIX + "from"));
    } else {
      try {
        new InternetAddress(from, true);
      } catch (AddressException e) {
        problems.add(Text.of("mail.settings.from", PREFIX + "from", from));
      }
    }
    if (blank(username) != blank(password)) {
      problems.add(
          Text.of(
              "mail.settings.login",
              PREFIX + (blank(username) ? "username" : "password"),
              PREFIX + "username",
              PREFIX + "password"));
    }
    if (logsIn() && "none".equalsIgnoreCase(security.trim())) {
      problems.add(Text.of("mail.settings.clear-password", PREFIX + "security"));
    }
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      problems.add(Text.of("mail.settings.timeout", PREFIX + "connect-timeout"));
    }
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      problems.add(Text.of("mail.settings.timeout", PREFIX + "read-timeout"));
    }
    if (!blank(trustCertificate)) {
      try {
        TrustedCertificates.context(trustedCertificatePath());
      } catch (IllegalArgumentException e) {
        problems.add(
            Text.of(
                "mail.settings.trust",
                PREFIX + "trust-certificate",
                trustedCertificatePath().toString()));
      }
    }
    return problems;
  }

  Path trustedCertificatePath() {
    return Path.of(trustCertificate == null ? "" : trustCertificate.trim()).toAbsolutePath();
  }

  /** Never the password, should the settings be printed or logged. */
  @Override
  public String toString() {
    return "MailSettings[host=%s, port=%d, security=%s, username=%s, password=%s, from=%s]"
        .formatted(host, port, security, username, blank(password) ? "" : "***", from);
  }

  static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
