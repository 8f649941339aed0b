package liaison.signage.player;

/**
 * The app's version: the bundle's, as its launcher passes it ({@code -Dliaison.version}, from the
 * bundle's VERSION file), else as the build wrote it into the jar's manifest; "dev" when run from
 * classes.
 */
public final class AppVersion {
  private AppVersion() {}

  public static String current() {
    String bundle = System.getProperty("liaison.version");
    if (bundle != null && !bundle.isBlank()) {
      return bundle.strip();
    }
    String version = AppVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
