package liaison.signage.protocol;

/**
 * Where a reception slot stands. Only announced (and then held or cancelled) slots reach screens.
 */
public enum ReceptionStatus {
  PLANNED("计划中", "Planned"),
  ANNOUNCED("已公告", "Announced"),
  CANCELLED("已取消", "Cancelled"),
  HELD("已接待", "Held");

  private final String zh;
  private final String en;

  ReceptionStatus(String zh, String en) {
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
