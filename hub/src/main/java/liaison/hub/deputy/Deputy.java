package liaison.hub.deputy;

import java.util.List;
import liaison.signage.protocol.DeputyLevel;
import org.jspecify.annotations.Nullable;

/**
 * A deputy. The phone is published only when {@code phonePublic} records the deputy's consent.
 *
 * @param levels one or more; a deputy may sit at two levels
 * @param photoHash content hash of the photo, served at /photos/{hash}
 */
public record Deputy(
    String id,
    String name,
    List<DeputyLevel> levels,
    String constituency,
    String occupation,
    String workUnit,
    List<String> specialties,
    @Nullable String photoHash,
    @Nullable String phone,
    boolean phonePublic) {

  public Deputy {
    levels = List.copyOf(levels);
    specialties = List.copyOf(specialties);
  }
}
