package liaison.hub.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One rule for every list that shows a person's phone or name without showing it in full. */
class MasksTest {

  @ParameterizedTest
  @CsvSource({
    "13812341234, 138****1234",
    "0771-1234567, 077****4567",
    // A seven-digit number keeps only its last two digits: three plus four would be all of it.
    "1234567, 12***67",
    "12345, ***45",
    "'', ''",
    "'   ', ''"
  })
  void shouldLeaveTooLittleOfAPhoneToCall(String phone, String shown) {
    assertThat(Masks.phone(phone)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource({"张三丰, 张**", "李四, 李*", "王, 王*", "'', ''", "😀小明, 😀**"})
  void shouldShowOnlyTheFirstCharacterOfAName(String name, String shown) {
    assertThat(Masks.name(name)).isEqualTo(shown);
  }
}
