package liaison.signage.protocol;

/** The five levels of people's congress; a deputy may sit at more than one. */
public enum DeputyLevel {
  NATIONAL("全国人大代表", "National"),
  PROVINCIAL("省人大代表", "Provincial"),
  MUNICIPAL("市人大代表", "Municipal"),
  COUNTY("县人大代表", "County"),
  TOWNSHIP("乡镇人大代表", "Township");

  private final String zh;
  private final String en;

  DeputyLevel(String zh, String en) {
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
