package liaison.signage.protocol;

/**
 * A playlist the station cannot play, with the reason in Chinese for the station manager and in
 * English for the log; {@link #getMessage()} carries both.
 */
public final class PlaylistException extends IllegalArgumentException {
  private final String zh;
  private final String en;

  public PlaylistException(String zh, String en) {
    super(zh + " / " + en);
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }
}
