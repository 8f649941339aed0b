package liaison.hub.media;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.ingest.EventProjection;
import liaison.hub.ingest.ShownBody;
import liaison.hub.media.MediaSlideRepository.Shown;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * Reads a station's {@code media.displayed} events into proofs of display of media slides ({@code
 * media_display}). The body ({@code slideId, from, until, seconds}, as {@code notice.displayed}'s;
 * a document's pages shown in one turn are one proof) must name a slide this hub has that reaches
 * the sending station; a body that does not is refused with what was expected and what came, and
 * nothing of the event is stored.
 */
@Singleton
public class MediaDisplayIngest implements EventProjection<Shown> {
  public static final String EVENT_TYPE = "media.displayed";

  private final MediaSlideRepository slides;
  private final StationRepository stations;

  public MediaDisplayIngest(MediaSlideRepository slides, StationRepository stations) {
    this.slides = slides;
    this.stations = stations;
  }

  @Override
  public String type() {
    return EVENT_TYPE;
  }

  @Override
  public Shown read(String stationId, StationEvent event) throws RefusedEvent {
    ShownBody body = new ShownBody(event.body(), "slideId, from, until and seconds");
    String slideId = body.text("slideId");
    ShownBody.Stretch stretch = body.stretch("the slide");
    ScheduledSlide slide =
        slides
            .find(slideId)
            .orElseThrow(
                () ->
                    new RefusedEvent(
                        "no media slide '"
                            + slideId
                            + "' on this hub (deleted, or never scheduled here)"));
    if (!MediaSlides.reached(stations, slide).contains(stationId)) {
      // A station proves only what it was sent: another station's slide is not its to claim.
      throw new RefusedEvent("media slide '" + slideId + "' is not aimed at this station");
    }
    return new Shown(
        stationId,
        event.id().toString(),
        slideId,
        stretch.from(),
        stretch.until(),
        stretch.seconds());
  }

  @Override
  public void store(Handle h, List<Shown> rows) {
    slides.insertProofs(h, rows);
  }
}
