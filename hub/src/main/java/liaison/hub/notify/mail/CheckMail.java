package liaison.hub.notify.mail;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.PrintStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.MailMessage;
import liaison.hub.text.Text;

/**
 * {@code java -jar hub.jar check-mail --to=someone@county.gov.cn}: sends one test message with the
 * hub's mail settings (environment, {@code MICRONAUT_CONFIG_FILES}) and says what the server
 * answered, so an administrator can try the settings before departments depend on them. It starts
 * nothing of the hub: it may run beside a hub that is serving.
 */
public final class CheckMail {
  /** The first argument of {@code java -jar hub.jar} that runs this instead of the hub. */
  public static final String COMMAND = "check-mail";

  static final String USAGE =
      """
      Usage: java -jar hub.jar check-mail --to=someone@county.gov.cn

        用枢纽的邮件设置（hub.notify.mail.*）发一封测试邮件，显示邮件服务器的答复。
        Sends one test message with the hub's mail settings (hub.notify.mail.*, from the
        environment or MICRONAUT_CONFIG_FILES) and shows what the mail server answered.

      Exit status: 0 the server took it; 1 settings wrong or not sent; 2 wrong options.
      """;

  private CheckMail() {}

  /**
   * Runs the command.
   *
   * @param args what followed {@code check-mail}
   * @param properties settings over the environment's (none when run from the command line)
   * @return the exit status
   */
  public static int run(
      List<String> args,
      Map<String, Object> properties,
      Clock clock,
      PrintStream out,
      PrintStream err) {
    String to;
    if (args.size() == 1 && args.getFirst().startsWith("--to=") && args.getFirst().length() > 5) {
      to = args.getFirst().substring("--to=".length());
    } else {
      boolean help = args.contains("--help") || args.contains("-h");
      if (!help) {
        err.println("hub check-mail: --to=ADDRESS is needed, and nothing else");
      }
      (help ? out : err).print(USAGE);
      return help ? 0 : 2;
    }
    MailSettings settings;
    String channel;
    try (ApplicationContext probe = ApplicationContext.builder().properties(properties).build()) {
      Environment env = probe.getEnvironment();
      env.start();
      settings = MailSettings.read(env);
      channel = env.getProperty("hub.notify.mail.channel", String.class).orElse("log");
    }
    List<Text> problems = settings.problems();
    if (!problems.isEmpty()) {
      problems.forEach(problem -> err.println(problem.both(" / ")));
      return 1;
    }
    if (!channel.equals("smtp")) {
      out.println(Text.of("mail.check.channel").both("\n"));
    }
    String sentAt =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .format(clock.instant().atZone(clock.getZone()));
    MailMessage test =
        new MailMessage(
            to,
            Text.of("mail.check.subject").both(" · "),
            Text.of("mail.check.text", sentAt).both("\n\n") + "\n",
            null);
    Delivery delivery = new SmtpMailGateway(settings, clock).send(test);
    return switch (delivery) {
      case Delivery.Sent sent -> {
        out.println(Text.of("mail.check.sent", settings.host(), to, sent.reference()).both("\n"));
        yield 0;
      }
      case Delivery.Failed failed -> {
        err.println(Text.of("mail.check.failed").both(" · "));
        err.println(failed.reason());
        yield 1;
      }
    };
  }
}
