package liaison.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.annotation.Scheduled;
import java.util.List;
import liaison.hub.db.Leased;
import org.junit.jupiter.api.Test;

/**
 * The hub in three tiers, each package in one of them (docs/ARCHITECTURE.md, "The hub's tiers"):
 *
 * <ul>
 *   <li><b>pages</b> on top: {@code admin} (the staff pages) and {@code resident} (every public
 *       page);
 *   <li><b>features</b> in the middle: every other package, one per feature, with its service,
 *       repository, records and JSON API;
 *   <li>the <b>base</b> below: {@link #BASE} (error answers, configuration, the database, who is
 *       signed in, the audit log, the broker, residents' text and masks, the web toolkit).
 * </ul>
 *
 * Imports point down only; features may use one another as long as no two need each other (the
 * shared no-cycles rule). A new package is a feature unless it is added to a list here.
 */
class HubArchitectureTest extends ModuleArchitectureTest {
  static final String ROOT = "liaison.hub";
  static final List<String> PAGES = List.of("admin", "resident");
  static final List<String> BASE =
      List.of("problem", "config", "db", "security", "audit", "broker", "text", "web");

  HubArchitectureTest() {
    super(ROOT);
  }

  @Test
  void hubDoesNotUseStationCode() {
    ArchitectureRules.HUB_DOES_NOT_USE_STATION_CODE.check(classes);
  }

  @Test
  void importsPointDownTheTiers() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("application")
        .definedBy(inRootPackage())
        .layer("pages")
        .definedBy(packages(PAGES))
        .layer("features")
        .definedBy(features())
        .layer("base")
        .definedBy(packages(BASE))
        .whereLayer("application")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("pages")
        .mayOnlyBeAccessedByLayers("application")
        .whereLayer("features")
        .mayOnlyBeAccessedByLayers("pages", "application")
        .whereLayer("base")
        .mayOnlyBeAccessedByLayers("features", "pages", "application")
        .because(
            "pages use features, features use the base; nothing below knows what sits above it")
        .check(classes);
  }

  @Test
  void staffPagesAndPublicPagesStayApart() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".admin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".resident..")
        .because("what the two share belongs to a feature or to the web toolkit")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".resident..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(ROOT + ".admin..")
        .because("what the two share belongs to a feature or to the web toolkit")
        .check(classes);
  }

  @Test
  void controllersLiveInPagesAndFeatures() {
    classes()
        .that()
        .areAnnotatedWith(Controller.class)
        .should()
        .resideOutsideOfPackages(packages(BASE))
        .because("the base is a toolkit: a route belongs to a page or to its feature's JSON API")
        .check(classes);
  }

  @Test
  void controllersGoThroughServices() {
    noClasses()
        .that(controllersAndTheirNestedClasses())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ROOT + ".db..", "org.jdbi..", "java.sql..")
        .orShould()
        .dependOnClassesThat(repositoriesAndTheirNestedClasses())
        .because(
            "a service decides who may do what and in which transaction; a controller only translates HTTP")
        .check(classes);
  }

  @Test
  void onlyTheBrokerPackageUsesMqttLibraries() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".broker..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.eclipse.paho..", "com.hivemq..")
        .because(
            "the broker package is the hub's one MQTT adapter: the embedded HiveMQ and the Paho client")
        .check(classes);
  }

  @Test
  void featuresAnnounceChangesInsteadOfCallingThePublisher() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".publish..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(ROOT + ".publish.ContentPublisher")
        .because(
            "a change publishes a StationsChanged event; the publisher listens (no feature waits on MQTT)")
        .check(classes);
  }

  @Test
  void everyScheduledJobRunsUnderALease() {
    methods()
        .that()
        .areAnnotatedWith(Scheduled.class)
        .should()
        .beAnnotatedWith(Leased.class)
        .because(
            "with several hubs on one database a job must run on one of them only: the holder of"
                + " its lease (db.Leases, docs/ARCHITECTURE.md \"Several hubs, one system\")")
        .check(classes);
  }

  private static String[] packages(List<String> names) {
    return names.stream().map(n -> ROOT + "." + n + "..").toArray(String[]::new);
  }

  private static DescribedPredicate<JavaClass> inRootPackage() {
    return DescribedPredicate.describe(
        "the application (" + ROOT + ")", c -> c.getPackageName().equals(ROOT));
  }

  /** Every package under the root that is neither a page nor the base. */
  private static DescribedPredicate<JavaClass> features() {
    return DescribedPredicate.describe(
        "features (every other package)",
        c -> {
          String p = c.getPackageName();
          if (!p.startsWith(ROOT + ".")) {
            return false;
          }
          String first = p.substring(ROOT.length() + 1).split("\\.")[0];
          return !PAGES.contains(first) && !BASE.contains(first);
        });
  }

  private static DescribedPredicate<JavaClass> controllersAndTheirNestedClasses() {
    return DescribedPredicate.describe(
        "are controllers (or nested in one)", c -> outermost(c).isAnnotatedWith(Controller.class));
  }

  /**
   * A repository's records too: what a repository returns is handed on by its feature's services.
   */
  private static DescribedPredicate<JavaClass> repositoriesAndTheirNestedClasses() {
    return DescribedPredicate.describe(
        "are repositories (or nested in one)",
        c -> outermost(c).getSimpleName().endsWith("Repository"));
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass top = c;
    while (top.getEnclosingClass().isPresent()) {
      top = top.getEnclosingClass().get();
    }
    return top;
  }
}
