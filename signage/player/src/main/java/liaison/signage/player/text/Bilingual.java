package liaison.signage.player.text;

/** A text in Chinese with its English; Chinese leads unless the visitor chose English. */
public record Bilingual(String zh, String en) {

  public static Bilingual of(String zh, String en) {
    return new Bilingual(zh, en);
  }

  /** A text that reads the same in both (a name, a time). */
  public static Bilingual same(String text) {
    return new Bilingual(text, text);
  }

  public String primary(boolean english) {
    return english ? en : zh;
  }

  public String secondary(boolean english) {
    return english ? zh : en;
  }

  /** Both on one line, the chosen language first. */
  public String joined(boolean english) {
    return zh.equals(en) ? zh : primary(english) + "  " + secondary(english);
  }
}
