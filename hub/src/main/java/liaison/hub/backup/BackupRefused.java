package liaison.hub.backup;

import liaison.hub.text.Text;

/** A backup or restore that stopped, with the reason people read (Chinese, then English). */
final class BackupRefused extends RuntimeException {
  private final Text reason;

  BackupRefused(Text reason) {
    super(reason.en());
    this.reason = reason;
  }

  BackupRefused(Text reason, Throwable cause) {
    super(reason.en(), cause);
    this.reason = reason;
  }

  Text reason() {
    return reason;
  }
}
