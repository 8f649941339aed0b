package liaison.hub.deputy;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A deputy as typed in the admin's form, sent to the API or read from a spreadsheet row, checked
 * field by field by {@link DeputyService}. On a change, a field left out ({@code null}) keeps its
 * value.
 *
 * @param levels NATIONAL … TOWNSHIP, or their Chinese names (全国, 省, 市, 县, 乡镇; 省人大代表, …)
 * @param specialties each one a topic such as 医疗卫生; "医疗卫生、养老服务" is split
 * @param phone digits, spaces, {@code -} and {@code +}; published only when {@code phonePublic}
 * @param stationIds the stations the deputy is assigned to, among those the staff member manages
 *     (assignments elsewhere stay); {@code null} keeps them all
 */
@Introspected
public record DeputyDraft(
    @Nullable String name,
    @Nullable List<String> levels,
    @Nullable String constituency,
    @Nullable String occupation,
    @Nullable String workUnit,
    @Nullable List<String> specialties,
    @Nullable String phone,
    @Nullable Boolean phonePublic,
    @Nullable List<String> stationIds) {

  /** The draft that changes nothing of {@code d} at {@code stationIds}. */
  public static DeputyDraft of(Deputy d, List<String> stationIds) {
    return new DeputyDraft(
        d.name(),
        d.levels().stream().map(Enum::name).toList(),
        d.constituency(),
        d.occupation(),
        d.workUnit(),
        d.specialties(),
        d.phone(),
        d.phonePublic(),
        stationIds);
  }
}
