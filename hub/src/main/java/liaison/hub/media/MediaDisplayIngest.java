package liaison.hub.media;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.ingest.EventProjection;
import liaison.hub.ingest.ShownBody;
import liaison.hub.media.MediaSlideRepository.Shown;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * Reads a station's {@code media.displayed} events into proofs of display of media slides ({@code
 * media_display}). The body ({@code slideId, from, until, seconds}, as {@code notice.displayed}'s;
 * a document's pages shown in one turn are one proof) must name a slide this hub has; a body that
 * does not is refused with what was expected and what came, and nothing of the event is stored.
 */
@Singleton
public class MediaDisplayIngest implements EventProjection<Shown> {
  public static final String EVENT_TYPE = "media.displayed";

  private final MediaSlideRepository slides;

  public MediaDisplayIngest(MediaSlideRepository slides) {
    this.slides = slides;
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
    if (!slides.slideExists(slideId)) {
      throw new RefusedEvent(
          "no media slide '" + slideId + "' on this hub (deleted, or never scheduled here)");
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
