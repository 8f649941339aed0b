package liaison.hub.resident;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import liaison.hub.plan.ActivityView;
import liaison.hub.plan.PlanService;
import liaison.hub.publish.PublishedContent;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;
import org.jspecify.annotations.Nullable;

/**
 * What a station discloses to anyone (公开): its basic information, its deputies' public details, its
 * activity plan and its coming receptions; the same for the public page and the public JSON.
 * Deputies and receptions come from the station's published snapshot, which carries only what the
 * stations' screens show (a deputy's phone only when the deputy made it public); residents'
 * opinions and bookings are never read here.
 */
@Singleton
public class PublicDisclosure {
  /** How far ahead the reception schedule looks, as the residents' station page does. */
  static final int COMING_DAYS = 14;

  private final StationRepository stations;
  private final PublishedContent published;
  private final PlanService plans;
  private final PublicLinks links;
  private final Clock clock;

  public PublicDisclosure(
      StationRepository stations,
      PublishedContent published,
      PlanService plans,
      PublicLinks links,
      Clock clock) {
    this.stations = stations;
    this.published = published;
    this.plans = plans;
    this.links = links;
    this.clock = clock;
  }

  /**
   * A station's disclosure for a year's plan.
   *
   * @param calendar null until the station's content is first published (no deputies or receptions
   *     to show yet)
   * @param years the years with a plan, this year and the year shown among them, earliest first
   */
  public record Station(
      StationPlace place,
      int year,
      List<Integer> years,
      List<ActivityView> plan,
      @Nullable ReceptionCalendar calendar,
      List<StationContent.Deputy> deputies,
      List<StationContent.Reception> receptions,
      String opinionUrl,
      String bookingUrl) {

    public boolean ready() {
      return calendar != null;
    }

    /** The deputies of a reception, in its order. */
    public List<StationContent.Deputy> deputiesOf(StationContent.Reception reception) {
      return calendar == null ? List.of() : calendar.deputiesOf(reception);
    }
  }

  /** The townships of one county and their stations, in the order of their ids. */
  public record County(String id, String name, Map<String, List<StationPlace>> townships) {}

  public int thisYear() {
    return LocalDate.now(clock).getYear();
  }

  /** The station's disclosure; empty when there is no such station. */
  public Optional<Station> station(String stationId, int year) {
    return stations
        .find(stationId)
        .map(
            place -> {
              Optional<StationContent> content = published.of(stationId);
              Optional<ReceptionCalendar> calendar =
                  content.map(c -> new ReceptionCalendar(c, clock));
              List<StationContent.Reception> receptions = new ArrayList<>();
              calendar.ifPresent(
                  c -> {
                    receptions.addAll(c.todaysReceptions());
                    receptions.addAll(c.upcoming(COMING_DAYS));
                  });
              TreeSet<Integer> years = new TreeSet<>(plans.years(stationId));
              years.add(thisYear());
              years.add(year);
              String token = place.station().publicToken();
              return new Station(
                  place,
                  year,
                  List.copyOf(years),
                  plans.views(plans.ofYear(stationId, year)),
                  calendar.orElse(null),
                  content.map(StationContent::deputies).orElse(List.of()),
                  receptions,
                  links.opinion(token),
                  links.booking(token));
            });
  }

  /** Every county the hub serves with its stations, by township. */
  public List<County> counties() {
    Map<String, County> counties = new LinkedHashMap<>();
    for (StationPlace p : stations.all()) {
      counties
          .computeIfAbsent(
              p.countyId(), id -> new County(id, p.countyName(), new LinkedHashMap<>()))
          .townships()
          .computeIfAbsent(p.townshipName(), t -> new ArrayList<>())
          .add(p);
    }
    return List.copyOf(counties.values());
  }

  /** The photo of a deputy as a web address, or null when there is none. */
  public @Nullable String photoUrl(StationContent.Deputy deputy) {
    return deputy.photo() == null ? null : links.photoBase() + deputy.photo() + ".jpg";
  }
}
