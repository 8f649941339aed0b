package liaison.hub.command;

/** Where a command stands: waiting, answered (as the station said), or no answer in time. */
public enum CommandStatus {
  PENDING,
  OK,
  REFUSED,
  FAILED,
  TIMED_OUT
}
