package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Optional;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Which reception an opinion sent at a station is linked to, on both stores: the one being held
 * then (start included, end not), never a cancelled one, none outside the hours.
 */
@OnBothStores
class CaseReceptionsTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldLinkAnOpinionToTheReceptionHeldWhenItCameIn(@TempDir Path dir) {
    TestClock clock = TestClock.at("2026-03-02T08:00:00+08:00");
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      slot(db, "r-cancelled", "2026-03-02", "08:30", "12:00", "CANCELLED");
      slot(db, "r-morning", "2026-03-02", "09:00", "11:30", "ANNOUNCED");
      slot(db, "r-tomorrow", "2026-03-03", "09:00", "11:30", "ANNOUNCED");

      assertThat(linkedAt(db, "2026-03-02T08:59:59+08:00")).as("before it starts").isEmpty();
      assertThat(linkedAt(db, "2026-03-02T09:00:00+08:00")).contains("r-morning");
      assertThat(linkedAt(db, "2026-03-02T11:29:59+08:00")).contains("r-morning");
      assertThat(linkedAt(db, "2026-03-02T11:30:00+08:00")).as("once it has ended").isEmpty();
      assertThat(linkedAt(db, "2026-03-02T01:15:00Z"))
          .as("09:15 Beijing time")
          .contains("r-morning");
      assertThat(linkedAt(db, "2026-03-02T08:45:00+08:00"))
          .as("only a cancelled one then")
          .isEmpty();
    }
  }

  @Test
  void shouldWriteACaseOnlyWhileTheTokenItCameThroughLeadsToItsStation(@TempDir Path dir) {
    TestClock clock = TestClock.at("2026-03-02T08:00:00+08:00");
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      OffsetDateTime now = OffsetDateTime.now(clock);
      OpinionCase c = CaseDatabase.unsaved("路灯坏了", now);
      // As a hub that remembered a token another hub has since withdrawn sends it.
      boolean elsewhere =
          db.jdbi.inTransaction(h -> db.repository.insertSubmitted(h, c, "tok-old"));
      assertThat(elsewhere).as("a token that leads nowhere now").isFalse();
      assertThat(db.repository.find(c.id())).as("nothing written").isEmpty();

      boolean here = db.jdbi.inTransaction(h -> db.repository.insertSubmitted(h, c, "tok-test"));
      assertThat(here).as("the station's own token").isTrue();
      OpinionCase sameCode = CaseDatabase.unsaved("又一条", now, c.trackingCode());
      boolean clash = db.jdbi.inTransaction(h -> db.repository.insertSubmitted(h, sameCode, null));
      assertThat(clash).as("a tracking code already taken: drawn again by the caller").isFalse();
    }
  }

  private static Optional<String> linkedAt(CaseDatabase db, String instant) {
    OpinionCase c = CaseDatabase.unsaved("意见 " + instant, OffsetDateTime.parse(instant));
    boolean written = db.jdbi.inTransaction(h -> db.repository.insertSubmitted(h, c, null));
    assertThat(written).isTrue();
    return db.jdbi.withHandle(
        h ->
            h.createQuery("SELECT reception_id FROM opinion_case WHERE id = :id")
                .bind("id", c.id())
                .mapTo(String.class)
                .findFirst());
  }

  private static void slot(
      CaseDatabase db, String id, String date, String start, String end, String status) {
    db.jdbi.useHandle(
        h ->
            h.execute(
                "INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time, location,"
                    + " status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '一楼', ?, ?, ?)",
                id,
                CaseDatabase.STATION,
                date,
                start,
                end,
                status,
                "2026-03-01T09:00:00+08:00",
                "2026-03-01T09:00:00+08:00"));
  }
}
