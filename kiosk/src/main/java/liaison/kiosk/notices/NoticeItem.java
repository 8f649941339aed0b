package liaison.kiosk.notices;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent.Notice;
import org.jspecify.annotations.Nullable;

/**
 * A notice as listed: its priority tag, when it is in force, and the start of its text.
 *
 * @param urgent urgent or emergency: the tag stands out
 */
public record NoticeItem(
    String id, String title, Bilingual tag, boolean urgent, Bilingual period, String preview) {

  /** A notice's preview line in the list, in characters. */
  static final int PREVIEW_CHARS = 80;

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

  static NoticeItem of(Notice n) {
    String flat = n.body().replaceAll("\\s+", " ").strip();
    String preview =
        flat.codePointCount(0, flat.length()) > PREVIEW_CHARS
            ? flat.substring(0, flat.offsetByCodePoints(0, PREVIEW_CHARS)) + "…"
            : flat;
    return new NoticeItem(
        n.id(),
        n.title(),
        Bilingual.of(n.priority().zh(), n.priority().en()),
        n.priority() != NoticePriority.NORMAL,
        period(n.validFrom(), n.validUntil()),
        preview);
  }

  /** "11月1日 起", "11月1日—11月30日". */
  private static Bilingual period(OffsetDateTime from, @Nullable OffsetDateTime until) {
    ZonedDateTime f = from.atZoneSameInstant(SHANGHAI);
    if (until == null) {
      return Bilingual.of(DAY_ZH.format(f) + " 起", "From " + DAY_EN.format(f));
    }
    ZonedDateTime u = until.atZoneSameInstant(SHANGHAI);
    return Bilingual.of(
        DAY_ZH.format(f) + "—" + DAY_ZH.format(u), DAY_EN.format(f) + " – " + DAY_EN.format(u));
  }
}
