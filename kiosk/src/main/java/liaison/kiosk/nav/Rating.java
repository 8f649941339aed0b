package liaison.kiosk.nav;

import liaison.signage.player.text.Bilingual;

/** A visitor's satisfaction with a visit, as the hub's event ingest expects it. */
public enum Rating {
  SATISFIED("满意", "Satisfied"),
  BASICALLY_SATISFIED("基本满意", "Fairly satisfied"),
  DISSATISFIED("不满意", "Dissatisfied");

  private final Bilingual label;

  Rating(String zh, String en) {
    this.label = Bilingual.of(zh, en);
  }

  public Bilingual label() {
    return label;
  }
}
