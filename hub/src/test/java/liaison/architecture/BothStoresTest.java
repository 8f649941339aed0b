package liaison.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import org.junit.jupiter.api.Test;

/**
 * A repository or migration test cannot forget PostgreSQL: every test class that opens the hub's
 * schema without the hub ({@link TestStore}, directly or through a fixture built on it) runs on
 * both stores ({@link OnBothStores}), or names both stores itself (a jqwik property per store, a
 * comparison of the two); a class named {@code *RepositoryTest} or {@code *MigrationsTest} is on
 * both stores whatever it uses; and only {@link TestStore} runs Flyway in the tests, so there is no
 * other way to a migrated schema. Tests through a whole hub ({@code RunningHub}) run on the store
 * the run chose, and on PostgreSQL in CI's second step.
 */
class BothStoresTest {
  private static final String STORE = TestDatabases.Store.class.getName();

  @Test
  void shouldRunEveryRepositoryAndMigrationTestOnBothStores() {
    JavaClasses tests =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("liaison.hub");

    assertThat(violations(tests)).isEmpty();
    assertThat(storeTests(tests))
        .as("the rule sees the tests it is about")
        .contains(
            "liaison.hub.security.SessionExpiryTest",
            "liaison.hub.opinion.CaseTransitionsProperties",
            "liaison.hub.db.MigrationsTest");
  }

  @Test
  void shouldNameATestThatOpensOneStoreOnlyAndOneThatRunsFlywayItself() {
    JavaClasses samples =
        new ClassFileImporter()
            .importClasses(
                ForgetfulRepositoryTest.class,
                SqliteOnlyTest.class,
                OwnFlywayTest.class,
                TestStore.class,
                TestDatabases.class,
                TestDatabases.Store.class,
                OnBothStores.class);

    assertThat(violations(samples))
        .anyMatch(v -> v.contains(ForgetfulRepositoryTest.class.getName()))
        .anyMatch(v -> v.contains(SqliteOnlyTest.class.getName()))
        .anyMatch(v -> v.contains(OwnFlywayTest.class.getName()));
  }

  /** What breaks the rule, one line per class. */
  static List<String> violations(JavaClasses classes) {
    List<String> found = new ArrayList<>();
    Set<JavaClass> fixtures = fixtures(classes);
    for (JavaClass c : classes) {
      if (!isTestClass(c)) {
        continue;
      }
      boolean both = c.isAnnotatedWith(OnBothStores.class);
      boolean opens = dependsOnAny(c, fixtures);
      if (opens && !both && !namesBothStores(c)) {
        found.add(
            c.getName()
                + " opens a TestStore on one store: annotate it @OnBothStores (or name both stores)");
      }
      String name = c.getSimpleName();
      if ((name.endsWith("RepositoryTest")
              || name.endsWith("MigrationsTest")
              || name.endsWith("MigrationTest"))
          && !both) {
        found.add(c.getName() + " is a repository or migration test: annotate it @OnBothStores");
      }
      if (c.getMethodCallsFromSelf().stream()
          .anyMatch(
              call ->
                  call.getTargetOwner().getName().equals("org.flywaydb.core.Flyway")
                      && call.getName().equals("configure"))) {
        found.add(c.getName() + " configures Flyway itself: take the schema from TestStore");
      }
    }
    return found;
  }

  /** The test classes that open a schema through TestStore. */
  private static Set<String> storeTests(JavaClasses classes) {
    Set<JavaClass> fixtures = fixtures(classes);
    Set<String> names = new TreeSet<>();
    for (JavaClass c : classes) {
      if (isTestClass(c) && dependsOnAny(c, fixtures)) {
        names.add(c.getName());
      }
    }
    return names;
  }

  /** TestStore, and every helper (not a test class) built on it, such as a feature's database. */
  private static Set<JavaClass> fixtures(JavaClasses classes) {
    Set<JavaClass> fixtures = new LinkedHashSet<>();
    for (JavaClass c : classes) {
      if (c.getName().equals(TestStore.class.getName())) {
        fixtures.add(c);
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (JavaClass c : classes) {
        if (!fixtures.contains(c) && !isTestClass(c) && dependsOnAny(c, fixtures)) {
          grew |= fixtures.add(c);
        }
      }
    }
    return fixtures;
  }

  private static boolean dependsOnAny(JavaClass c, Set<JavaClass> targets) {
    return c.getDirectDependenciesFromSelf().stream()
        .anyMatch(
            d -> targets.stream().anyMatch(t -> t.getName().equals(d.getTargetClass().getName())));
  }

  /** A jqwik property per store, or a comparison: it reads both Store constants itself. */
  private static boolean namesBothStores(JavaClass c) {
    Set<String> read = new TreeSet<>();
    for (JavaAccess<?> access : c.getAccessesFromSelf()) {
      if (access instanceof JavaFieldAccess field
          && field.getTargetOwner().getName().equals(STORE)) {
        read.add(field.getName());
      }
    }
    return read.containsAll(Set.of("SQLITE", "POSTGRESQL"));
  }

  /** What surefire runs: a top-level class named *Test or *Properties. */
  private static boolean isTestClass(JavaClass c) {
    String name = c.getSimpleName();
    return c.getEnclosingClass().isEmpty() && (name.endsWith("Test") || name.endsWith("Properties"))
        || c.getEnclosingClass().isPresent() && name.endsWith("Test");
  }

  // Samples the rule must refuse (nested, so surefire does not run them; no @Test either).

  static final class ForgetfulRepositoryTest {
    void reads(Path dir) {
      TestStore.migrated(TestDatabases.Store.SQLITE, dir).database();
    }
  }

  static final class SqliteOnlyTest {
    void reads(Path dir) {
      TestStore.migrated(TestDatabases.Store.SQLITE, dir).database();
    }
  }

  static final class OwnFlywayTest {
    void migrates() {
      org.flywaydb.core.Flyway.configure().dataSource("jdbc:sqlite:x.db", "", "").load();
    }
  }
}
