package liaison.signage.player.command;

import java.time.Duration;

/**
 * What the app does for each remote command. The player checks a command (its station, its expiry,
 * its name, a repeat) and answers the hub; the app only carries it out. A method that throws {@link
 * UnsupportedOperationException} makes the answer REFUSED ("not on this station"); any other
 * exception makes it FAILED with the exception's message.
 */
public interface CommandHandler {

  /** The screen as it is now, as PNG bytes. */
  byte[] screenshot() throws Exception;

  /** Show where this station is: blink the LED and flash the screen for a while. */
  void identify(Duration howLong);

  /** Read the stored content again and show it anew. */
  void reloadContent();

  /**
   * Stop so that the service manager starts the app again. Called after the answer was sent, since
   * nothing is sent after it.
   */
  void restartApp();

  /** Switch the screen (and its backlight where there is one) on or off. */
  void screen(boolean on);

  /** A station that takes no commands (a headless tool, a test): every command is refused. */
  CommandHandler NONE =
      new CommandHandler() {
        @Override
        public byte[] screenshot() {
          throw new UnsupportedOperationException("no screen to capture");
        }

        @Override
        public void identify(Duration howLong) {
          throw new UnsupportedOperationException("nothing to identify with");
        }

        @Override
        public void reloadContent() {
          throw new UnsupportedOperationException("no screen to reload");
        }

        @Override
        public void restartApp() {
          throw new UnsupportedOperationException("not restartable from here");
        }

        @Override
        public void screen(boolean on) {
          throw new UnsupportedOperationException("no screen to switch");
        }
      };
}
