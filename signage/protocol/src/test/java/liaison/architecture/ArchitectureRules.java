package liaison.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.Set;

/**
 * The project's layering, written down once, in the test-jar of the protocol: the one module every
 * other module's tests depend on (the testkit cannot hold them, it depends on the protocol itself).
 * Each module switches them on with a one-line subclass of {@link ModuleArchitectureTest}, and adds
 * the rules of its own, so a rule broken anywhere fails that module's build.
 *
 * <p>Rules that concern a kind of package the module may not have (hardware, views) hold trivially
 * where there is none: they are meant to catch the first class that breaks them, wherever it goes.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /**
   * The main classes under {@code rootPackage}, as compiled in this module: its tests, the jars it
   * depends on and, in a reactor build, the other modules' class folders are left out.
   */
  public static JavaClasses mainClasses(String rootPackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(rootPackage);
  }

  /**
   * No two packages under {@code rootPackage} need each other, directly or round a circle: each
   * first-level package (with its subpackages) is a slice, and the slices form a hierarchy a reader
   * can follow from the bottom up.
   */
  public static ArchRule noPackageCycles(String rootPackage) {
    return slices()
        .matching(rootPackage + ".(*)..")
        .namingSlices("$1")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .because(
            "a package that needs another one which needs it back cannot be understood, tested or moved alone");
  }

  /** The protocol is shared by hub and stations: no UI, broker, hardware, framework or database. */
  public static final ArchRule PROTOCOL_IS_PLAIN_JAVA =
      noClasses()
          .that()
          .resideInAPackage("liaison.signage..")
          .and()
          .resideOutsideOfPackage("liaison.signage.player..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "javafx..",
              "io.micronaut..",
              "org.eclipse.paho..",
              "com.hivemq..",
              "com.pi4j..",
              "java.sql..",
              "liaison.signage.player..",
              "liaison.kiosk..",
              "liaison.hub..")
          .because("signage/protocol is shared by hub and stations and must stay plain Java");

  /**
   * Only the MQTT adapter talks to the MQTT libraries: {@code ..link..} on a station, {@code
   * ..broker..} on the hub (Paho for clients, HiveMQ for the embedded broker).
   */
  public static final ArchRule ONLY_THE_MQTT_ADAPTER_USES_MQTT_LIBRARIES =
      noClasses()
          .that()
          .resideOutsideOfPackages("..link..", "..broker..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.paho..", "com.hivemq..")
          .allowEmptyShould(true)
          .because("tests swap the adapter, not the library");

  /** Only the hardware adapter talks to Pi4J. */
  public static final ArchRule ONLY_HARDWARE_USES_PI4J =
      noClasses()
          .that()
          .resideOutsideOfPackage("..hardware..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.pi4j..")
          .allowEmptyShould(true)
          .because("a component never picks real or mock hardware itself");

  /** The hub depends only on the protocol, never on a station's runtime. */
  public static final ArchRule HUB_DOES_NOT_USE_STATION_CODE =
      noClasses()
          .that()
          .resideInAPackage("liaison.hub..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "liaison.signage.player..", "liaison.kiosk..", "javafx..", "com.pi4j..")
          .because("the hub depends only on signage/protocol");

  /**
   * JavaFX stays in views: logic and view models are plain Java, testable without the toolkit. A
   * view is a class whose name ends in View, Screen, Board, Overlay, Window or App (or is nested in
   * one), or lives in a {@code ..fx..} package.
   */
  public static final ArchRule ONLY_VIEWS_USE_JAVAFX =
      noClasses()
          .that(
              new DescribedPredicate<JavaClass>("are not views") {
                @Override
                public boolean test(JavaClass c) {
                  return !isView(c);
                }
              })
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .allowEmptyShould(true)
          .because("view models and logic are tested without the toolkit");

  /**
   * Time comes from an injected Clock: no {@code now()} without one in main code. (Written as
   * {@code noClasses().should(…)} with a condition that reported offences as violations, the rule
   * could never fail: {@code noClasses} inverts the condition.)
   */
  /** Every package says, once in its package-info, that nothing in it is null unless marked so. */
  public static final ArchRule EVERY_PACKAGE_IS_NULL_MARKED =
      ArchRuleDefinition.classes()
          .should(
              new com.tngtech.archunit.lang.ArchCondition<JavaClass>(
                  "reside in a package marked @NullMarked") {
                @Override
                public void check(JavaClass c, com.tngtech.archunit.lang.ConditionEvents events) {
                  if (!c.getPackage().isAnnotatedWith("org.jspecify.annotations.NullMarked")) {
                    events.add(
                        com.tngtech.archunit.lang.SimpleConditionEvent.violated(
                            c,
                            c.getPackageName() + " has no package-info.java marked @NullMarked"));
                  }
                }
              })
          .allowEmptyShould(true)
          .because(
              "JSpecify's @NullMarked per package: what may be null is marked @Nullable, the rest is not");

  public static final ArchRule TIME_COMES_FROM_A_CLOCK =
      ArchRuleDefinition.classes()
          .should(notCallNowWithoutClock())
          .allowEmptyShould(true)
          .because("time comes from an injected Clock (Asia/Shanghai), so tests can set it");

  private static final Set<String> VIEW_SUFFIXES =
      Set.of("View", "Screen", "Board", "Overlay", "Window", "App", "Fx");

  static boolean isView(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    if (top.getPackageName().contains(".fx")) {
      return true;
    }
    String name = top.getSimpleName();
    return VIEW_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private static ArchCondition<JavaClass> notCallNowWithoutClock() {
    Set<String> timeTypes =
        Set.of(
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.ZonedDateTime");
    return new ArchCondition<>("not call now() without a Clock") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
          boolean now = call.getName().equals("now");
          boolean timeType = timeTypes.contains(call.getTargetOwner().getName());
          boolean withoutClock =
              call.getTarget().getRawParameterTypes().stream()
                  .noneMatch(p -> p.getName().equals("java.time.Clock"));
          boolean systemMillis =
              call.getTargetOwner().getName().equals("java.lang.System")
                  && call.getName().equals("currentTimeMillis");
          if ((now && timeType && withoutClock) || systemMillis) {
            events.add(SimpleConditionEvent.violated(call, call.getDescription()));
          }
        }
      }
    };
  }
}
