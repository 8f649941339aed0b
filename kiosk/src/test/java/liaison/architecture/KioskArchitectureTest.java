package liaison.architecture;

/** The shared rules on the kiosk's packages. */
class KioskArchitectureTest extends ModuleArchitectureTest {
  KioskArchitectureTest() {
    super("liaison.kiosk");
  }
}
