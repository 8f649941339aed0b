package liaison.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** A media file's size on the library's cards reads the same whatever the server's locale. */
class MediaSizeWordsTest {
  @Test
  @ResourceLock(Resources.LOCALE)
  void shouldWriteADecimalPointOnAServerWithAGermanLocale() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      assertThat(MediaAdminController.size(3_355_443)).isEqualTo("3.2 MB");
      assertThat(MediaAdminController.size(839_680)).isEqualTo("820 KB");
    } finally {
      Locale.setDefault(before);
    }
  }
}
