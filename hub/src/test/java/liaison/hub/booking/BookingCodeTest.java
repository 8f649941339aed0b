package liaison.hub.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookingCodeTest {
  @Test
  void shouldMakeDistinctCodesWithoutLookAlikes() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String code = BookingCode.next();
      assertThat(code).matches("B-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
      codes.add(code);
    }
    assertThat(codes).hasSize(10_000);
    assertThat(BookingCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
  }

  @ParameterizedTest
  @CsvSource({
    "B-7KQ4-M9XD, B-7KQ4-M9XD",
    "b-7kq4-m9xd, B-7KQ4-M9XD",
    "7KQ4M9XD, B-7KQ4-M9XD",
    "' B 7KQ4 M9XD ', B-7KQ4-M9XD",
    "B7KQ4—M9XD, B-7KQ4-M9XD"
  })
  void shouldReadACodeAsPeopleTypeIt(String typed, String stored) {
    assertThat(BookingCode.normalize(typed)).hasValue(stored);
  }

  @ParameterizedTest
  @CsvSource({"B-7KQ4-M9X", "B-0KQ4-M9XD", "B-7KQ4-M9XDE", "'<script>'", "''"})
  void shouldRefuseWhatCannotBeACode(String typed) {
    assertThat(BookingCode.normalize(typed)).isEmpty();
  }

  @Test
  void shouldMaskAllButTheFirstThreeAndLastFourDigits() {
    assertThat(Booking.mask("13812341234")).isEqualTo("138****1234");
    assertThat(Booking.mask("")).isEqualTo("****");
  }
}
