package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;

/** What was last published to a station, for the pages that show it and the staff who check it. */
@Singleton
public class PublishedContent {
  private final PublicationRepository publications;
  private final Access access;

  public PublishedContent(PublicationRepository publications, Access access) {
    this.publications = publications;
    this.access = access;
  }

  /** The station's snapshot as last published, decoded; empty before the first publication. */
  public Optional<StationContent> of(String stationId) {
    return publications
        .current(stationId)
        .map(
            p ->
                ProtocolCodec.decode(
                    p.payload().getBytes(StandardCharsets.UTF_8), StationContent.class));
  }

  /**
   * The snapshot exactly as published (the bytes the station received), for whoever may see the
   * station; a deputy's account reads it without the sign-in key, from which the codes a deputy
   * scans at the station are derived: they sign in by being there, not by reading the snapshot.
   *
   * @throws NotFoundProblem nothing published yet
   */
  public String payload(Staff staff, String stationId) {
    access.requireSee(staff, stationId);
    String payload =
        publications
            .current(stationId)
            .map(Publication::payload)
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.content.not-published", stationId)));
    if (!staff.isDeputy()) {
      return payload;
    }
    StationContent content =
        ProtocolCodec.decode(payload.getBytes(StandardCharsets.UTF_8), StationContent.class);
    StationContent.Duty duty = content.dutyOrEmpty();
    return new String(
        ProtocolCodec.encode(
            content.withDuty(new StationContent.Duty(duty.stars(), duty.reports(), null))),
        StandardCharsets.UTF_8);
  }
}
