package liaison.signage.player;

import java.time.OffsetDateTime;

/** Whether the station hears the hub, and since when. */
public record LinkStatus(State state, OffsetDateTime since) {

  public enum State {
    /** Started, first attempt under way. */
    CONNECTING,
    ONLINE,
    OFFLINE
  }

  public static LinkStatus connecting(OffsetDateTime since) {
    return new LinkStatus(State.CONNECTING, since);
  }

  public static LinkStatus online(OffsetDateTime since) {
    return new LinkStatus(State.ONLINE, since);
  }

  public static LinkStatus offline(OffsetDateTime since) {
    return new LinkStatus(State.OFFLINE, since);
  }

  public boolean isOffline() {
    return state == State.OFFLINE;
  }
}
