package liaison.hub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test class runs once on SQLite and once on PostgreSQL in the default suite (only on
 * PostgreSQL when {@code -Dliaison.test.db=postgresql} runs every hub there): its store comes in as
 * a {@link TestDatabases.Store} (a constructor parameter or an {@code @Parameter} field) and goes
 * to {@link TestStore}. Every repository and migration test carries it; {@code
 * liaison.hub.db.BothStoresTest} fails a class that opens a {@link TestStore} without it. Without a
 * PostgreSQL server each test of the PostgreSQL run is skipped before its fixture opens, saying why
 * (under {@code CI=true} it fails: {@link SkipPostgresWithoutServer}). {@link
 * TestDatabases#storesToRun} says which stores a run takes: CI's first step leaves PostgreSQL's
 * runs to its PostgreSQL step, which runs only those.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@MethodSource("liaison.hub.TestDatabases#storesToRun")
@ExtendWith(SkipPostgresWithoutServer.class)
public @interface OnBothStores {}
