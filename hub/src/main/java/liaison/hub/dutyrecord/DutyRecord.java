package liaison.hub.dutyrecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.text.Text;
import liaison.signage.protocol.DeputyLevel;
import org.jspecify.annotations.Nullable;

/**
 * A deputy's duty record (履职档案) for a year: who, and a section per aspect of the county's duty list
 * as it stood that year.
 *
 * @param today the day it was drawn (a record of the year under way is not finished)
 */
public record DutyRecord(Cover cover, List<Section> sections, LocalDate today) {

  /** The record's head: the deputy, their levels and stations, the county and the year. */
  public record Cover(
      String deputyId,
      String deputyName,
      List<DeputyLevel> levels,
      List<String> stations,
      String countyName,
      int year) {}

  /**
   * One aspect's part of the record.
   *
   * @param summary what the hub knows, in a sentence (a count, a total; "nothing recorded")
   * @param lines each thing it knows, in date order
   * @param notes what staff wrote under the aspect for this deputy and year
   */
  public record Section(DutyAspect aspect, Text summary, List<Line> lines, List<Note> notes) {}

  /** One thing recorded: a reception, an opinion, a meeting…; undated for a total by kind. */
  public record Line(@Nullable LocalDate date, Text what) {}

  /** A note staff wrote, with who wrote it and when. */
  public record Note(String id, String text, String by, OffsetDateTime at) {}
}
