package liaison.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The shared layering rules that apply to this module, checked against its main classes. */
class KioskArchitectureTest {
  private static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

  @Test
  void onlyLinkUsesPaho() {
    ArchitectureRules.ONLY_LINK_USES_PAHO.check(CLASSES);
  }

  @Test
  void onlyHardwareUsesPi4j() {
    ArchitectureRules.ONLY_HARDWARE_USES_PI4J.check(CLASSES);
  }

  @Test
  void onlyViewsUseJavaFx() {
    ArchitectureRules.ONLY_VIEWS_USE_JAVAFX.check(CLASSES);
  }

  @Test
  void timeComesFromAClock() {
    ArchitectureRules.TIME_COMES_FROM_A_CLOCK.check(CLASSES);
  }
}
