package liaison.hub.poster;

import java.time.LocalDate;
import java.util.List;

/**
 * What a deputy's duty record (履职档案) prints, in Chinese, as an official file is: the cover block
 * and a part per aspect of the county's duty list. No resident's name or phone is ever in it.
 *
 * @param levels e.g. 县人大代表、市人大代表
 * @param stations the stations the deputy sits at, joined
 */
public record DutyRecordSheet(
    String countyName,
    String deputyName,
    String levels,
    String stations,
    int year,
    LocalDate printedOn,
    List<Part> parts) {

  /**
   * One aspect.
   *
   * @param summary what the hub knows in a sentence
   * @param lines each thing recorded, its date first
   * @param notes staff's notes, each with who wrote it and when
   */
  public record Part(
      String name, String description, String summary, List<String> lines, List<String> notes) {}
}
