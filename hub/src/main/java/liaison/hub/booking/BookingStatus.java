package liaison.hub.booking;

/** A booking holds its places until it is cancelled. */
public enum BookingStatus {
  BOOKED("已预约", "Booked"),
  CANCELLED("已取消", "Cancelled");

  private final String zh;
  private final String en;

  BookingStatus(String zh, String en) {
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
