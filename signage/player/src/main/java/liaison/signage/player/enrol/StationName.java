package liaison.signage.player.enrol;

import liaison.signage.protocol.StationContent;

/**
 * The station's public name and its township, as a screen may show them: from its content, or from
 * the hub's enrolment ticket before any content has arrived.
 *
 * @param township empty when not known
 */
public record StationName(String name, String township) {

  public StationName {
    township = township == null ? "" : township;
  }

  public static StationName of(StationContent.Station station) {
    return new StationName(station.name(), station.township());
  }

  /**
   * The name as people read it: with its township in brackets, unless the name says it already
   * (城关镇人大代表之家 needs no 城关镇 more).
   */
  public String shown() {
    return township.isBlank() || name.contains(township) ? name : name + "（" + township + "）";
  }
}
