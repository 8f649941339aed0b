package liaison.hub.db;

import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.processor.ExecutableMethodProcessor;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link Leased} method only on the hub holding its lease, and asks for every such lease
 * when the hub starts.
 */
@Singleton
@InterceptorBean(Leased.class)
public class LeasedJobs
    implements MethodInterceptor<Object, Object>, ExecutableMethodProcessor<Leased> {
  private final Leases leases;

  public LeasedJobs(Leases leases) {
    this.leases = leases;
  }

  @Override
  public void process(BeanDefinition<?> beanDefinition, ExecutableMethod<?, ?> method) {
    if (method.getReturnType().getType() != void.class) {
      throw new IllegalStateException(
          beanDefinition.getBeanType().getName()
              + "."
              + method.getMethodName()
              + " is @Leased but returns a value: a hub without the lease has none to give");
    }
    method.stringValue(Leased.class).ifPresent(leases::want);
  }

  @Override
  public @Nullable Object intercept(MethodInvocationContext<Object, Object> context) {
    String name = context.stringValue(Leased.class).orElseThrow();
    if (leases.runsHere(name)) {
      return context.proceed();
    }
    return null;
  }
}
