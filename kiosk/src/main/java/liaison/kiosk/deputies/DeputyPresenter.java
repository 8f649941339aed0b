package liaison.kiosk.deputies;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import liaison.kiosk.text.DeputyText;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.schedule.ReceptionCalendar;

/** Computes one deputy's page from the station's content and the time (their coming duty). */
public final class DeputyPresenter {

  private final Clock clock;

  public DeputyPresenter(Clock clock) {
    this.clock = clock;
  }

  /** Empty when the deputy is no longer in the content (the hub updated it meanwhile). */
  public Optional<DeputyModel> present(StationContent content, String deputyId) {
    return content
        .deputy(deputyId)
        .map(
            d -> {
              ReceptionCalendar calendar = new ReceptionCalendar(content, clock);
              List<Bilingual> duties =
                  calendar.clockPlausible()
                      ? content.receptions().stream()
                          .filter(r -> r.deputyIds().contains(d.id()))
                          .filter(r -> r.status() == ReceptionStatus.ANNOUNCED)
                          .filter(r -> !r.date().isBefore(calendar.today()))
                          .sorted(
                              Comparator.comparing(Reception::date).thenComparing(Reception::start))
                          .map(DeputyPresenter::duty)
                          .toList()
                      : List.of();
              String url = d.messageUrl() != null ? d.messageUrl() : content.links().opinion();
              return new DeputyModel(
                  DeputyCard.of(d),
                  d.levels().stream().map(DeputyText::level).toList(),
                  d.constituency(),
                  d.occupation(),
                  d.workUnit(),
                  d.specialties(),
                  Optional.ofNullable(d.phone()),
                  duties,
                  url,
                  d.messageUrl() != null);
            });
  }

  /** 11月23日 星期一 09:00—11:30 */
  private static Bilingual duty(Reception r) {
    Bilingual day = Dates.day(r.date());
    String window = Dates.window(r.start(), r.end());
    return Bilingual.of(day.zh() + " " + window, day.en() + " " + window);
  }
}
