package liaison.signage.protocol;

/** Normal notices rotate; urgent ones interrupt for a while; emergency ones hold the screen. */
public enum NoticePriority {
  NORMAL("公告", "Notice"),
  URGENT("紧急公告", "Urgent notice"),
  EMERGENCY("特急公告", "Emergency notice");

  private final String zh;
  private final String en;

  NoticePriority(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public boolean interrupts() {
    return this != NORMAL;
  }
}
