package liaison.hub.software;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import liaison.hub.ingest.EventProjection;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * Reads a station's {@code software.update} events into the rollouts that hold it: the outcome is
 * kept on the station's row, and a rollback halts a running rollout of that version (stored in the
 * same transaction as the event). A body without a version or with an outcome the hub does not know
 * is refused, and nothing of the event is stored.
 */
@Singleton
public class UpdateReportIngest implements EventProjection<UpdateReportIngest.Row> {
  public static final String EVENT_TYPE = "software.update";

  private static final int MAX_REASON = 200;

  private final SoftwareRollouts rollouts;

  public UpdateReportIngest(SoftwareRollouts rollouts) {
    this.rollouts = rollouts;
  }

  /** One station's report. */
  public record Row(String stationId, UpdateReport report) {}

  @Override
  public String type() {
    return EVENT_TYPE;
  }

  @Override
  public Row read(String stationId, StationEvent event) throws RefusedEvent {
    Map<String, Object> body = event.body();
    if (!(body.get("version") instanceof String version) || version.isBlank()) {
      throw new RefusedEvent(
          "field 'version' is " + body.get("version") + "; expected the version it is about");
    }
    if (!(body.get("outcome") instanceof String outcome)
        || !UpdateReport.OUTCOMES.contains(outcome)) {
      throw new RefusedEvent(
          "field 'outcome' is "
              + body.get("outcome")
              + "; expected one of "
              + UpdateReport.OUTCOMES.stream().sorted().toList());
    }
    String reason = body.get("reason") instanceof String r ? r.strip() : "";
    if (reason.length() > MAX_REASON) {
      reason = reason.substring(0, MAX_REASON);
    }
    return new Row(stationId, new UpdateReport(version, outcome, reason, event.at()));
  }

  @Override
  public void store(Handle h, List<Row> rows) {
    for (Row row : rows) {
      rollouts.reported(h, row.stationId(), row.report());
    }
  }
}
