package liaison.signage.player;

/** The app's version as the build wrote it into the jar's manifest; "dev" when run from classes. */
public final class AppVersion {
  private AppVersion() {}

  public static String current() {
    String version = AppVersion.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
