package liaison.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import liaison.signage.player.hardware.DeviceConfig;
import org.junit.jupiter.api.Test;

class KioskOptionsTest {

  private static KioskOptions parse(List<String> args, Map<String, String> env) {
    return KioskOptions.parse(args, env::get);
  }

  @Test
  void shouldRunWithoutHardwareUnlessToldAndReadPinsFromFlagsOrEnvironment() {
    KioskOptions plain = parse(List.of("--station=s-001"), Map.of());
    assertThat(plain.devices().provider()).isEqualTo(DeviceConfig.Provider.NONE);
    assertThat(plain.backlight()).isEmpty();

    KioskOptions pi =
        parse(
            List.of(
                "--station=s-001",
                "--gpio=gpiod",
                "--button-pin=5",
                "--screen-off=20:30",
                "--backlight=/sys/class/backlight/10-0045"),
            Map.of("LIAISON_LED_PIN", "6"));
    assertThat(pi.devices().provider()).isEqualTo(DeviceConfig.Provider.GPIOD);
    assertThat(pi.devices().buttonPin()).isEqualTo(5);
    assertThat(pi.devices().ledPin()).isEqualTo(6);
    assertThat(pi.devices().motionPin()).isEqualTo(17);
    assertThat(pi.devices().screenOff()).isEqualTo(LocalTime.of(20, 30));
    assertThat(pi.backlight()).contains(Path.of("/sys/class/backlight/10-0045"));
  }

  @Test
  void shouldUseMockPinsForTheDeveloperPanel() {
    KioskOptions dev = parse(List.of("--station=s-001", "--dev-panel"), Map.of());
    assertThat(dev.devPanel()).isTrue();
    assertThat(dev.devices().provider()).isEqualTo(DeviceConfig.Provider.MOCK);
  }

  @Test
  void shouldNameTheBadHardwareSetting() {
    assertThatThrownBy(() -> parse(List.of("--station=s-001", "--gpio=raspi"), Map.of()))
        .hasMessageContaining("none, mock or gpiod");
    assertThatThrownBy(() -> parse(List.of("--station=s-001", "--led-pin=seven"), Map.of()))
        .hasMessageContaining("led-pin");
    assertThatThrownBy(() -> parse(List.of("--station=s-001", "--led-pin=27"), Map.of()))
        .hasMessageContaining("three different pins");
    assertThatThrownBy(() -> parse(List.of("--station=s-001", "--screen-on=7h30"), Map.of()))
        .hasMessageContaining("07:30");
  }

  @Test
  void shouldEnrolWithTheHubOnTheBrokersMachineUnlessToldOtherwise() {
    KioskOptions plain =
        parse(List.of("--station=s-001", "--broker=tcp://192.168.1.20:1883"), Map.of());
    KioskOptions tls =
        parse(List.of("--station=s-001", "--broker=ssl://hub.example:8883"), Map.of());
    KioskOptions given =
        parse(List.of("--station=s-001"), Map.of("LIAISON_HUB", "https://rd.example.gov.cn"));
    KioskOptions none = parse(List.of("--station=s-001", "--hub=none"), Map.of());

    assertThat(plain.station().access().hubUrl()).hasToString("http://192.168.1.20:8080");
    assertThat(plain.station().access().enrols()).isTrue();
    assertThat(tls.station().access().hubUrl()).hasToString("https://hub.example:8443");
    assertThat(given.station().access().hubUrl()).hasToString("https://rd.example.gov.cn");
    assertThat(none.station().access().enrols()).as("a broker that admits anyone").isFalse();
  }

  @Test
  void shouldNameABadHubAddressOrAnUnreadableCertificate() {
    assertThatThrownBy(() -> parse(List.of("--station=s-001", "--hub=ftp://hub"), Map.of()))
        .hasMessageContaining("--hub");
    assertThatThrownBy(
            () -> parse(List.of("--station=s-001", "--trust=/no/such/hub.pem"), Map.of()))
        .hasMessageContaining("--trust")
        .hasMessageContaining("hub.pem");
  }
}
