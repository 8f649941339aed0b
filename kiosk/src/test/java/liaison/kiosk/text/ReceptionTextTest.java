package liaison.kiosk.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Reception;
import org.junit.jupiter.api.Test;

class ReceptionTextTest {

  private final StationContent golden = GoldenFiles.content();

  @Test
  void shouldSayHowManyBookedAndWhenAReceptionIsFull() {
    Reception open = golden.receptions().getFirst();
    assertThat(ReceptionText.booking(open)).contains(Bilingual.of("已约 7/20", "Booked 7/20"));
    Reception full =
        new Reception(
            "r-full",
            open.date(),
            open.start(),
            open.end(),
            open.deputyIds(),
            null,
            "",
            ReceptionStatus.ANNOUNCED,
            List.of(),
            10,
            10);
    assertThat(ReceptionText.booking(full).orElseThrow().zh()).isEqualTo("已约满 10/10");
    assertThat(ReceptionText.booking(golden.receptions().get(1))).as("takes no bookings").isEmpty();
  }
}
