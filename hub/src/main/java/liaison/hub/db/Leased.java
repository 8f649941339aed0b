package liaison.hub.db;

import io.micronaut.aop.Around;
import io.micronaut.context.annotation.Executable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A job that runs on one hub at a time: the method runs only on the hub holding the lease named
 * {@link #value()} ({@link Leases}), and elsewhere returns at once without doing anything. Every
 * {@code @Scheduled} method of the hub carries it ({@code HubArchitectureTest}), so that a job
 * added later cannot run on every hub of a county at once. The method returns nothing: on a hub
 * without the lease there is nothing to return.
 *
 * <p>The hub asks for every such lease when it starts, so the jobs' leases are spread (and shown on
 * {@code /health}) before their first run.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Around
@Executable(processOnStartup = true)
public @interface Leased {
  /** The lease's name: one per job, stable across versions ({@code case-escalation}). */
  String value();
}
