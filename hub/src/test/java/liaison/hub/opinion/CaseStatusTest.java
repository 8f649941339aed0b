package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import liaison.hub.text.Masks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loop's map of steps, read as a table. */
class CaseStatusTest {

  @ParameterizedTest(name = "{0} → {1}: {2}")
  @CsvSource({
    "SUBMITTED, REGISTERED, true",
    "SUBMITTED, FORWARDED, false",
    "REGISTERED, FORWARDED, true",
    "REGISTERED, CLOSED_WITH_GUIDANCE, true",
    "FORWARDED, CLOSED_WITH_GUIDANCE, false",
    "FORWARDED, DEPARTMENT_REPLIED, true",
    "DEPARTMENT_REPLIED, ANSWERED, true",
    "ANSWERED, CLOSED, true",
    "ANSWERED, REOPENED, true",
    "CLOSED, REOPENED, true",
    "REOPENED, FORWARDED, true",
    "REOPENED, CLOSED, false",
    "CLOSED_WITH_GUIDANCE, REOPENED, false",
    "MERGED, REGISTERED, false",
    "ANSWERED, MERGED, false",
    // 退回 (issue 17): the department hands it back; staff forward it elsewhere or answer it.
    "FORWARDED, RETURNED, true",
    "REGISTERED, RETURNED, false",
    "DEPARTMENT_REPLIED, RETURNED, false",
    "RETURNED, FORWARDED, true",
    "RETURNED, ANSWERED, true",
    "RETURNED, DEPARTMENT_REPLIED, false",
    "RETURNED, REGISTERED, false",
  })
  void shouldAllowExactlyTheLoopsSteps(CaseStatus from, CaseStatus to, boolean allowed) {
    assertThat(from.canBecome(to)).isEqualTo(allowed);
  }

  @Test
  void shouldLetEveryOpenCaseBeMergedAndReopenedCasesBehaveAsRegistered() {
    for (CaseStatus s : CaseStatus.values()) {
      assertThat(s.canBecome(CaseStatus.MERGED)).as(s.name()).isEqualTo(s.isOpen());
    }
    assertThat(CaseStatus.REOPENED.next()).isEqualTo(CaseStatus.REGISTERED.next());
    assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(s -> s.next().isEmpty()))
        .containsExactlyInAnyOrder(CaseStatus.CLOSED_WITH_GUIDANCE, CaseStatus.MERGED);
  }

  @Test
  void shouldMakeCodesWithoutLookAlikesAndReadThemBackHoweverTyped() {
    String code = TrackingCodes.next();
    assertThat(code).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(TrackingCodes.normalize(" " + code.toLowerCase().replace("-", " ") + " "))
        .contains(code);
    assertThat(TrackingCodes.normalize("0OIL-1234-ABCD")).isEmpty();
    assertThat(TrackingCodes.normalize("ABC")).isEmpty();
  }

  @Test
  void shouldMaskPhonesInLists() {
    assertThat(Masks.phone("13812341234")).isEqualTo("138****1234");
    assertThat(Masks.phone("")).isEmpty();
    assertThat(Masks.phone("0771-12345")).doesNotContain("123");
  }
}
