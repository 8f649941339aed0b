package liaison.architecture;

/** The shared rules on the player's packages. */
class PlayerArchitectureTest extends ModuleArchitectureTest {
  PlayerArchitectureTest() {
    super("liaison.signage.player");
  }
}
