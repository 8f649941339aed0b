package liaison.kiosk.pages;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;

/**
 * What each page beyond Home shows, as plain values: {@link PagePresenter} computes them from the
 * station's content and the clock, the views draw them, and tests read them without the toolkit.
 */
public final class PageModels {
  private PageModels() {}

  /** A deputy in a list; {@code initial} stands in for the portrait while there is no photo. */
  public record DeputyCard(
      String id, String name, Bilingual level, String occupation, String initial, Optional<String> photo) {}

  /** A level a visitor can filter the directory by, with how many of the station's deputies sit at it. */
  public record LevelChip(DeputyLevel level, Bilingual label, int count) {}

  public record DeputiesModel(
      List<LevelChip> levels, Optional<DeputyLevel> selected, List<DeputyCard> cards) {}

  /**
   * One deputy's page.
   *
   * @param messageUrl the QR: the deputy's own message form, else the station's opinion form
   * @param duties coming reception days and times at this station
   */
  public record DeputyModel(
      DeputyCard card,
      List<Bilingual> levels,
      String constituency,
      String occupation,
      String workUnit,
      List<String> specialties,
      Optional<String> phone,
      List<Bilingual> duties,
      String messageUrl,
      boolean addressedToDeputy) {}

  /** The schedule, day by day. */
  public record ScheduleModel(List<Day> days, Optional<Bilingual> note) {}

  public record Day(Bilingual label, boolean today, List<Entry> entries) {}

  public record Entry(
      String window,
      String names,
      String theme,
      String location,
      Optional<Bilingual> status,
      Optional<Bilingual> booking) {}

  public record NoticesModel(List<NoticeItem> notices) {}

  public record NoticeItem(String id, String title, Bilingual tag, boolean urgent, Bilingual period, String preview) {}

  public record NoticeModel(NoticeItem item, String body) {}

  /** The station's public handling figures, when the snapshot carries them. */
  public record ResultsModel(Optional<Figures> figures) {}

  public record Figures(
      Bilingual since,
      int received,
      int answered,
      int answeredPercent,
      List<Share> satisfaction,
      int rated) {}

  /** One rating's share of all ratings, in whole percent. */
  public record Share(Bilingual label, int count, int percent) {}

  /** An urgent banner or an emergency that holds the screen. */
  public record AlertModel(
      String noticeId, boolean emergency, Bilingual tag, String title, String body, Optional<Bilingual> until) {}
}
