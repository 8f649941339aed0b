package liaison.kiosk.notices;

import static liaison.kiosk.PageFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** The notices' records, list and detail, without the toolkit. */
class NoticesPresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");

  @Test
  void shouldShortenNoticePreviewsAndKeepTheWholeBodyForTheDetail() {
    String body = "为进一步密切代表同人民群众的联系。".repeat(300);
    Notice longOne =
        new Notice(
            "n-long",
            "长公告",
            body,
            NoticePriority.NORMAL,
            OffsetDateTime.parse("2026-11-01T00:00:00+08:00"),
            null);
    StationContent c = with(golden, golden.receptions(), List.of(longOne));

    NoticeItem item = new NoticesPresenter(clock).present(c).notices().getFirst();
    assertThat(item.preview()).hasSize(NoticeItem.PREVIEW_CHARS + 1).endsWith("…");
    assertThat(item.period().zh()).isEqualTo("11月1日 起");
    assertThat(new NoticePresenter(clock).present(c, "n-long").orElseThrow().body())
        .isEqualTo(body);
  }
}
