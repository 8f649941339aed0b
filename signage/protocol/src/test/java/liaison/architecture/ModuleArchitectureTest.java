package liaison.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rules every module keeps, checked against the module's own main classes. A module switches
 * them on with one line, naming its root package, and adds the rules of its own beside:
 *
 * <pre>{@code
 * class KioskArchitectureTest extends ModuleArchitectureTest {
 *   KioskArchitectureTest() { super("liaison.kiosk"); }
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ModuleArchitectureTest {
  private final String rootPackage;

  /** Imported once per test class: reading the class files is the slow part. */
  protected final JavaClasses classes;

  protected ModuleArchitectureTest(String rootPackage) {
    this.rootPackage = rootPackage;
    this.classes = ArchitectureRules.mainClasses(rootPackage);
  }

  @Test
  void noPackageCycles() {
    ArchitectureRules.noPackageCycles(rootPackage).check(classes);
  }

  @Test
  void everyPackageIsNullMarked() {
    ArchitectureRules.EVERY_PACKAGE_IS_NULL_MARKED.check(classes);
  }

  @Test
  void timeComesFromAClock() {
    ArchitectureRules.TIME_COMES_FROM_A_CLOCK.check(classes);
  }

  @Test
  void onlyTheMqttAdapterUsesMqttLibraries() {
    ArchitectureRules.ONLY_THE_MQTT_ADAPTER_USES_MQTT_LIBRARIES.check(classes);
  }

  @Test
  void onlyHardwareUsesPi4j() {
    ArchitectureRules.ONLY_HARDWARE_USES_PI4J.check(classes);
  }

  @Test
  void onlyViewsUseJavaFx() {
    ArchitectureRules.ONLY_VIEWS_USE_JAVAFX.check(classes);
  }
}
