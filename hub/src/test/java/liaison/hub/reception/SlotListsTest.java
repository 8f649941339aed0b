package liaison.hub.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import liaison.hub.OnBothStores;
import liaison.hub.SmallCounty;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.booking.Booking;
import liaison.hub.booking.BookingRepository;
import liaison.hub.booking.BookingStatus;
import liaison.hub.db.BoundLists;
import liaison.hub.db.Database;
import liaison.signage.protocol.ReceptionStatus;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A publish round reads attendance and bookings for every slot of a chunk of 500 stations at once:
 * more ids than one statement may bind on SQLite (32,766) must still be read, and what lies beyond
 * the first slice found.
 */
@OnBothStores
class SlotListsTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  private TestStore opened;
  private Database database;

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    SmallCounty.store(database, clock, List.of("s-001"), List.of("d-1", "d-2"));
  }

  @AfterEach
  void close() {
    opened.close();
  }

  @Test
  void shouldReadAttendanceAndBookingsOfMoreSlotsThanOneStatementMayBind() {
    ReceptionRepository receptions = new ReceptionRepository(database, clock);
    AttendanceRepository attendance = new AttendanceRepository(database);
    ReceptionSlot slot =
        new ReceptionSlot(
            "r-last",
            "s-001",
            LocalDate.parse("2026-03-03"),
            LocalTime.parse("09:00"),
            LocalTime.parse("11:00"),
            "听取意见",
            "一楼接待室",
            ReceptionStatus.PLANNED,
            List.of("d-1", "d-2"),
            null);
    database.useTransaction(
        h -> {
          receptions.insert(h, slot);
          attendance.mark(h, "r-last", "d-2", "staff-1", OffsetDateTime.now(clock));
          new BookingRepository(database)
              .insert(
                  h,
                  new Booking(
                      "b-1",
                      "r-last",
                      "B-2222-3333",
                      "卫",
                      "13812345555",
                      3,
                      "事项",
                      BookingStatus.BOOKED,
                      OffsetDateTime.now(clock),
                      null,
                      null),
                  false);
        });
    List<String> ids = new ArrayList<>(IntStream.range(0, 40_000).mapToObj(i -> "r-" + i).toList());
    ids.add("r-last");
    assertThat(ids.size()).isGreaterThan(32_766).isGreaterThan(BoundLists.SLICE * 8);

    assertThat(attendance.present(ids)).containsOnlyKeys("r-last");
    assertThat(attendance.present(ids).get("r-last")).containsExactly("d-2");
    assertThat(receptions.bookedPlaces(ids)).containsExactly(java.util.Map.entry("r-last", 3));
  }
}
