package liaison.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The shared layering rules that apply to this module, checked against its main classes. */
class ProtocolArchitectureTest {
  private static final JavaClasses CLASSES = ArchitectureRules.mainClasses();

  @Test
  void protocolIsPlainJava() {
    ArchitectureRules.PROTOCOL_IS_PLAIN_JAVA.check(CLASSES);
  }

  @Test
  void timeComesFromAClock() {
    ArchitectureRules.TIME_COMES_FROM_A_CLOCK.check(CLASSES);
  }
}
