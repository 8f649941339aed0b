package liaison.hub.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.View;
import java.util.Map;
import liaison.hub.broker.BrokerClient;

/** The hub's front page: the county's stations, their links and whether their screens are current. */
@Controller
public class HomeController {
  private final StationOverview overview;
  private final BrokerClient broker;

  public HomeController(StationOverview overview, BrokerClient broker) {
    this.overview = overview;
    this.broker = broker;
  }

  @Get(produces = MediaType.TEXT_HTML)
  @View("home")
  public Map<String, Object> home() {
    return Map.of("stations", overview.rows(), "broker", broker.uri(), "brokerUp", broker.isConnected());
  }
}
