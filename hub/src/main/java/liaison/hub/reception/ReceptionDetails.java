package liaison.hub.reception;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;

/**
 * What lists of receptions show beside each slot: its on-duty deputies by name with their arrival
 * marks, and the places residents booked. For slots the reader was already allowed to see ({@link
 * ReceptionService#list}, {@link ReceptionService#get}).
 */
@Singleton
public class ReceptionDetails {
  private final AttendanceRepository attendance;
  private final ReceptionRepository receptions;
  private final DeputyRepository deputies;

  public ReceptionDetails(
      AttendanceRepository attendance, ReceptionRepository receptions, DeputyRepository deputies) {
    this.attendance = attendance;
    this.receptions = receptions;
    this.deputies = deputies;
  }

  /**
   * An on-duty deputy (named by id when the deputy is gone) and whether staff marked them as
   * arrived.
   */
  public record DutyMark(String deputyId, String name, boolean present) {}

  /**
   * A slot with its on-duty deputies in the slot's order, and how many places are booked.
   *
   * @param presentDeputyIds the on-duty deputies marked as arrived, in the order they were marked
   */
  public record Detailed(
      ReceptionSlot slot, List<DutyMark> onDuty, List<String> presentDeputyIds, int booked) {}

  public List<Detailed> of(List<ReceptionSlot> slots) {
    List<String> ids = slots.stream().map(ReceptionSlot::id).toList();
    Map<String, List<String>> present = attendance.present(ids);
    Map<String, Integer> booked = receptions.bookedPlaces(ids);
    Map<String, String> names =
        slots.stream()
            .flatMap(s -> s.deputyIds().stream())
            .distinct()
            .map(deputies::find)
            .flatMap(Optional::stream)
            .collect(Collectors.toMap(Deputy::id, Deputy::name, (a, b) -> a));
    return slots.stream()
        .map(
            s -> {
              List<String> arrived = present.getOrDefault(s.id(), List.of());
              return new Detailed(
                  s,
                  s.deputyIds().stream()
                      .map(id -> new DutyMark(id, names.getOrDefault(id, id), arrived.contains(id)))
                      .toList(),
                  arrived.stream().filter(s.deputyIds()::contains).toList(),
                  booked.getOrDefault(s.id(), 0));
            })
        .toList();
  }

  public Detailed of(ReceptionSlot slot) {
    return of(List.of(slot)).getFirst();
  }
}
