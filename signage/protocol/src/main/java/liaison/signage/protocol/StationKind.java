package liaison.signage.protocol;

/** The kinds of station named in the provincial guidelines; one data type with a kind. */
public enum StationKind {
  HOME("人大代表之家", "Deputies' home"),
  WORKSTATION("人大代表工作站", "Deputies' workstation"),
  CONTACT_POINT("人大代表联系点", "Deputies' contact point"),
  INDUSTRY("产业代表联络站", "Industry liaison station"),
  SPECIALTY("专业联络室", "Specialty liaison room"),
  REMOTE("驻外代表联络站", "Liaison station away from home");

  private final String zh;
  private final String en;

  StationKind(String zh, String en) {
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
