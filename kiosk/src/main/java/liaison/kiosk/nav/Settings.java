package liaison.kiosk.nav;

/**
 * The visitor's choices, each one tap away: larger text, high-contrast colours, English first. They
 * last for one visit: the idle timeout puts them back for the next visitor.
 */
public record Settings(boolean largeText, boolean highContrast, boolean english) {

  public static final Settings DEFAULT = new Settings(false, false, false);

  public Settings withLargeText(boolean on) {
    return new Settings(on, highContrast, english);
  }

  public Settings withHighContrast(boolean on) {
    return new Settings(largeText, on, english);
  }

  public Settings withEnglish(boolean on) {
    return new Settings(largeText, highContrast, on);
  }
}
