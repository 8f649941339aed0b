package liaison.hub.report;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the clock does to the votes, on one hub (the lease {@code report-tallies}): a report on the
 * schedule opens its vote at its start time (not once its end has passed), a vote staff left open
 * closes by itself {@link #LEFT_OPEN} after its end (so slips taken home count for nothing and the
 * result reaches the record and the points), and a closed vote's result leaves the station's screen
 * the day after the close (its tally topic is cleared; the counts stay in {@code voter_report}).
 */
@Singleton
public class VoteTimetable {
  private static final Logger LOG = LoggerFactory.getLogger(VoteTimetable.class);

  /** How long after its scheduled end a vote left open is closed by the hub. */
  public static final java.time.Duration LEFT_OPEN = java.time.Duration.ofHours(2);

  private final Database database;
  private final ReportRepository reports;
  private final ApplicationEventPublisher<TallyChanged> tallies;
  private final Clock clock;

  public VoteTimetable(
      Database database,
      ReportRepository reports,
      ApplicationEventPublisher<TallyChanged> tallies,
      Clock clock) {
    this.database = database;
    this.reports = reports;
    this.tallies = tallies;
    this.clock = clock;
  }

  @Scheduled(initialDelay = "5s", fixedDelay = "20s")
  @Leased("report-tallies")
  void onSchedule() {
    openDue();
    closeLeftOpen();
    clearYesterdays();
  }

  /** Closes the votes still open {@link #LEFT_OPEN} after their end; how many closed. */
  public int closeLeftOpen() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    int closed = 0;
    for (String id : reports.leftOpen(now.minus(LEFT_OPEN))) {
      String station =
          database.inTransaction(
              h ->
                  reports
                      .find(h, id)
                      .filter(r -> reports.close(h, id, now))
                      .map(VoterReport::stationId)
                      .orElse(null));
      if (station != null) {
        LOG.info("report {} at {}: the vote left open after its end was closed", id, station);
        tallies.publishEvent(TallyChanged.of(station));
        closed++;
      }
    }
    return closed;
  }

  /** Opens the votes whose start has come; how many opened. */
  public int openDue() {
    int opened = 0;
    for (String id : reports.dueToOpen(OffsetDateTime.now(clock))) {
      if (openIfDue(id)) {
        opened++;
      }
    }
    return opened;
  }

  /** Opens one report's vote if it is on the schedule and its start has come. */
  boolean openIfDue(String id) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String station =
        database.inTransaction(
            h ->
                reports
                    .find(h, id)
                    .filter(r -> r.scheduled() && !r.startsAt().isAfter(now))
                    .filter(r -> reports.open(h, id))
                    .map(VoterReport::stationId)
                    .orElse(null));
    if (station == null) {
      return false;
    }
    LOG.info("report {} at {}: the vote opened at its start time", id, station);
    tallies.publishEvent(TallyChanged.of(station));
    return true;
  }

  /** Clears the tallies of votes closed before today (Asia/Shanghai); the stations affected. */
  public List<String> clearYesterdays() {
    ZonedDateTime today =
        ZonedDateTime.now(clock.withZone(Sql.ZONE)).toLocalDate().atStartOfDay(Sql.ZONE);
    List<String> stations = reports.clearClosedBefore(today.toOffsetDateTime());
    if (!stations.isEmpty()) {
      LOG.info("cleared the vote results of stations {} from their screens", stations);
      tallies.publishEvent(new TallyChanged(stations));
    }
    return stations;
  }
}
