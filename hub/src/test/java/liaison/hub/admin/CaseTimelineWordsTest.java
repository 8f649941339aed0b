package liaison.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.web.Lang;
import org.junit.jupiter.api.Test;

/**
 * A case's timeline shows the resident's lines in words: the notes were stored with the rating's
 * code and a count of photos in English ("DISSATISFIED: …", "1 photo(s)").
 */
class CaseTimelineWordsTest {
  private static CaseEvent line(String action, String note) {
    return new CaseEvent(
        "e-1", "case-1", OffsetDateTime.now(), CaseEvent.RESIDENT, action, null, null, note);
  }

  @Test
  void shouldNameTheRatingInsteadOfItsCode() {
    assertThat(CaseAdminController.note(line("rate", "DISSATISFIED: 路灯还是不亮"), Lang.ZH))
        .isEqualTo("不满意：路灯还是不亮");
    assertThat(CaseAdminController.note(line("rate", "SATISFIED"), Lang.EN)).isEqualTo("Satisfied");
    // A note written in words already (the demo's) stays as it is.
    assertThat(CaseAdminController.note(line("rate", "满意"), Lang.ZH)).isEqualTo("满意");
  }

  @Test
  void shouldCountThePhotosInTheReadersLanguage() {
    assertThat(CaseAdminController.note(line("submit", "1 photo(s)"), Lang.ZH))
        .isEqualTo("附照片 1 张");
    assertThat(CaseAdminController.note(line("submit", "3 photo(s)"), Lang.EN))
        .isEqualTo("Photos attached: 3");
    assertThat(CaseAdminController.note(line("submit", ""), Lang.ZH)).isEmpty();
  }

  @Test
  void shouldLeaveStaffNotesAsWritten() {
    assertThat(CaseAdminController.note(line("forwarded", "DISSATISFIED: 不是评价"), Lang.ZH))
        .isEqualTo("DISSATISFIED: 不是评价");
  }

  @Test
  void shouldNameAResidentsLineInTheReadersLanguageNotByItsCode() {
    assertThat(CaseAdminController.what(line("submit", ""), Lang.EN)).isEqualTo("Opinion sent");
    assertThat(CaseAdminController.what(line("rate", "SATISFIED"), Lang.EN)).isEqualTo("Rated");
    assertThat(CaseAdminController.what(line("submit", ""), Lang.ZH))
        .isEqualTo(liaison.hub.text.Text.of("ledger.event.submit").zh());
  }
}
