package liaison.hub.security;

import liaison.hub.text.Text;

/** What a staff account may do. */
public enum Role {
  /** 县人大常委会代表工委: everything in the county. */
  COUNTY_ADMIN,
  /** 站长 / 乡镇人大: the stations listed on the account. */
  STATION_MANAGER,
  /** 代表: reads their own schedule. */
  DEPUTY,
  /**
   * 承办单位: a department's account; it sees only the cases forwarded to its department (its inbox,
   * /dept) and nothing of the stations.
   */
  DEPARTMENT;

  /** Its name as people read it ({@code role.*} in the bundles). */
  public Text text() {
    return Text.of("role." + name());
  }

  public String zh() {
    return text().zh();
  }

  public String en() {
    return text().en();
  }
}
