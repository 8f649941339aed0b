package liaison.hub.security;

/** What a staff account may do. */
public enum Role {
  /** 县人大常委会代表工委: everything in the county. */
  COUNTY_ADMIN("县级管理员", "County administrator"),
  /** 站长 / 乡镇人大: the stations listed on the account. */
  STATION_MANAGER("站点管理员", "Station manager"),
  /** 代表: reads their own schedule. */
  DEPUTY("代表", "Deputy");

  private final String zh;
  private final String en;

  Role(String zh, String en) {
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
