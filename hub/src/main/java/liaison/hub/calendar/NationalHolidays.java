package liaison.hub.calendar;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The State Council's tables built into the hub ({@code national-holidays.csv}, in the file format
 * an administrator imports, checked by the same reader), stored in {@code national_calendar_day}
 * when the hub starts.
 *
 * <p>Stored at start rather than by a migration: a hub release brings a new year's table as a new
 * line of the file, without a migration; a day already stored is left alone, so a restart, or
 * several hubs starting together, add nothing twice; and a migration's rows would make every new
 * PostgreSQL database "hold Liaison data", which {@code migrate-to-postgres} refuses to write into.
 */
@Context
public class NationalHolidays {
  private static final Logger LOG = LoggerFactory.getLogger(NationalHolidays.class);
  static final String FILE = "/liaison/hub/calendar/national-holidays.csv";

  private final CalendarRepository repository;

  public NationalHolidays(CalendarRepository repository) {
    this.repository = repository;
  }

  @PostConstruct
  public void store() {
    int added = repository.addNational(builtIn());
    if (added > 0) {
      LOG.info("working-day calendar: stored {} day(s) of the State Council's tables", added);
    }
  }

  /** The built-in days, marked national. */
  public static List<CalendarDay> builtIn() {
    try (InputStream in =
        Objects.requireNonNull(
            NationalHolidays.class.getResourceAsStream(FILE), FILE + " is missing from the hub")) {
      return CalendarFile.read(in.readAllBytes(), LocalDate.MIN).stream()
          .map(d -> new CalendarDay(d.date(), d.kind(), d.name(), true))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
