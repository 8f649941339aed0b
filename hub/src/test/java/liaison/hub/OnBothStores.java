package liaison.hub;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The test class runs once on SQLite and once on PostgreSQL, in the default suite, whatever {@code
 * -Dliaison.test.db} chose: its store comes in as a {@link TestDatabases.Store} (a constructor
 * parameter or an {@code @Parameter} field) and goes to {@link TestStore}. Every repository and
 * migration test carries it; {@code liaison.hub.db.BothStoresTest} fails a class that opens a
 * {@link TestStore} without it. Without a PostgreSQL server the PostgreSQL run is skipped, saying
 * why (under {@code CI=true} it fails).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabases.Store.class)
public @interface OnBothStores {}
