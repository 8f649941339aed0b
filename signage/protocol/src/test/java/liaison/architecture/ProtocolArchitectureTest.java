package liaison.architecture;

import org.junit.jupiter.api.Test;

/** The shared rules on the protocol's packages, and its own: plain Java only. */
class ProtocolArchitectureTest extends ModuleArchitectureTest {
  ProtocolArchitectureTest() {
    super("liaison.signage");
  }

  @Test
  void protocolIsPlainJava() {
    ArchitectureRules.PROTOCOL_IS_PLAIN_JAVA.check(classes);
  }
}
