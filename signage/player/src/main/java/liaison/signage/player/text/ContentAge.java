package liaison.signage.player.text;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How old the content of a screen that lost the hub is, said discreetly once it matters: a schedule
 * a few minutes old is the schedule, one three hours old may not be, and last week's must never
 * pass for this week's.
 */
public final class ContentAge {

  /**
   * The hub unheard for this long and a signage screen says how old its content is. Shorter than
   * this is a blip (a router restarting, the hub updated), not worth a passer-by's doubt; the hub's
   * fleet page flags a station offline after ten minutes already.
   */
  public static final Duration STALE_AFTER = Duration.ofMinutes(30);

  private ContentAge() {}

  /**
   * "内容更新于 3 小时前 · updated 3 h ago" once {@link #STALE_AFTER} has passed since the hub was last
   * heard; nothing before.
   *
   * @param lastContact when the hub was last heard, which is when the content was last known to be
   *     current
   */
  public static Optional<Bilingual> of(Instant lastContact, Instant now) {
    Duration age = Duration.between(lastContact, now);
    if (age.compareTo(STALE_AFTER) < 0) {
      return Optional.empty();
    }
    Bilingual ago = ago(age);
    return Optional.of(Bilingual.of("内容更新于 " + ago.zh(), "updated " + ago.en()));
  }

  /** 40 分钟前 / 40 min ago, 3 小时前 / 3 h ago, 2 天前 / 2 days ago: the largest whole unit. */
  static Bilingual ago(Duration age) {
    long minutes = age.toMinutes();
    if (minutes < 60) {
      return Bilingual.of(minutes + " 分钟前", minutes + " min ago");
    }
    long hours = age.toHours();
    if (hours < 48) {
      return Bilingual.of(hours + " 小时前", hours + " h ago");
    }
    long days = age.toDays();
    return Bilingual.of(days + " 天前", days + " days ago");
  }
}
