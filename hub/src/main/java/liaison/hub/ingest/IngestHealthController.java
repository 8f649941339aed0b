package liaison.hub.ingest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.text.Text;

/**
 * {@code /health/ingest}: 200 while the stations' events are being stored, 503 when they have
 * waited longer than {@code hub.ingest.degraded-after}, for a monitor that must notice what {@code
 * /health} (200 as long as the hub serves) reports only as {@code ingestion: DEGRADED}. A literal
 * route, so Micronaut's {@code /health/{selector}} (liveness, readiness) does not take it.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/health/ingest")
public class IngestHealthController {
  private final IngestHealth health;

  public IngestHealthController(IngestHealth health) {
    this.health = health;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public HttpResponse<Map<String, Object>> ingest() {
    boolean degraded = health.degraded();
    Map<String, Object> details = health.details();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", degraded ? IngestHealth.DEGRADED.getName() : "UP");
    body.putAll(details);
    if (degraded) {
      Object seconds = details.get("degradedAfterSeconds");
      Text message = Text.of("ingest.degraded", seconds);
      body.put("message", message.zh());
      body.put("messageEn", message.en());
    }
    return HttpResponse.status(degraded ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
        .body(body);
  }
}
