package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import liaison.hub.db.Sql;
import liaison.signage.protocol.DeputyLevel;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Deputies, their levels, and the stations they are assigned to. */
@Singleton
public class DeputyRepository {
  private final Jdbi jdbi;
  private final Clock clock;

  public DeputyRepository(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The deputies assigned to a station, highest level first, then by name. */
  public List<Deputy> atStation(String stationId) {
    return jdbi.withHandle(
        h ->
            withLevels(
                h,
                h.createQuery(
                        """
                        SELECT d.* FROM deputy d JOIN station_deputy sd ON sd.deputy_id = d.id
                        WHERE sd.station_id = :station
                        """)
                    .bind("station", stationId)
                    .map((rs, ctx) -> row(rs))
                    .list()));
  }

  public Optional<Deputy> find(String id) {
    return jdbi.withHandle(
        h ->
            withLevels(h, h.createQuery("SELECT * FROM deputy WHERE id = :id").bind("id", id).map((rs, ctx) -> row(rs)).list())
                .stream()
                .findFirst());
  }

  public int count() {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM deputy").mapTo(Integer.class).one());
  }

  public void insert(Handle h, Deputy d) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO deputy (id, name, constituency, occupation, work_unit, specialties, photo_hash,
                                phone, phone_public, created_at, updated_at)
            VALUES (:id, :name, :constituency, :occupation, :workUnit, :specialties, :photo,
                    :phone, :phonePublic, :now, :now)
            """)
        .bind("id", d.id())
        .bind("name", d.name())
        .bind("constituency", d.constituency())
        .bind("occupation", d.occupation())
        .bind("workUnit", d.workUnit())
        .bind("specialties", Sql.list(d.specialties()))
        .bind("photo", d.photoHash())
        .bind("phone", d.phone())
        .bind("phonePublic", d.phonePublic())
        .bind("now", now)
        .execute();
    for (DeputyLevel level : d.levels()) {
      h.createUpdate("INSERT INTO deputy_level (deputy_id, level) VALUES (:id, :level)")
          .bind("id", d.id())
          .bind("level", level.name())
          .execute();
    }
  }

  public void assign(Handle h, String stationId, String deputyId) {
    h.createUpdate("INSERT INTO station_deputy (station_id, deputy_id) VALUES (:station, :deputy)")
        .bind("station", stationId)
        .bind("deputy", deputyId)
        .execute();
  }

  private static List<Deputy> withLevels(Handle h, List<Deputy> bare) {
    if (bare.isEmpty()) {
      return bare;
    }
    Map<String, List<DeputyLevel>> levels = new LinkedHashMap<>();
    h.createQuery("SELECT deputy_id, level FROM deputy_level WHERE deputy_id IN (<ids>)")
        .bindList("ids", bare.stream().map(Deputy::id).toList())
        .map((rs, ctx) -> Map.entry(rs.getString(1), DeputyLevel.valueOf(rs.getString(2))))
        .forEach(e -> levels.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return bare.stream()
        .map(
            d -> {
              List<DeputyLevel> own = new ArrayList<>(levels.getOrDefault(d.id(), List.of()));
              own.sort(Comparator.naturalOrder());
              return new Deputy(
                  d.id(), d.name(), own, d.constituency(), d.occupation(), d.workUnit(),
                  d.specialties(), d.photoHash(), d.phone(), d.phonePublic());
            })
        .sorted(
            Comparator.comparing((Deputy d) -> d.levels().isEmpty() ? DeputyLevel.TOWNSHIP : d.levels().get(0))
                .thenComparing(Deputy::name))
        .toList();
  }

  private static Deputy row(ResultSet rs) throws SQLException {
    return new Deputy(
        rs.getString("id"),
        rs.getString("name"),
        List.of(),
        rs.getString("constituency"),
        rs.getString("occupation"),
        rs.getString("work_unit"),
        Sql.list(rs.getString("specialties")),
        rs.getString("photo_hash"),
        rs.getString("phone"),
        rs.getBoolean("phone_public"));
  }
}
