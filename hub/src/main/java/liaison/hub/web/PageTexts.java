package liaison.hub.web;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.thymeleaf.ThymeleafFactory;
import jakarta.inject.Singleton;
import liaison.hub.text.Texts;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.extras.java8time.dialect.Java8TimeDialect;
import org.thymeleaf.linkbuilder.ILinkBuilder;
import org.thymeleaf.messageresolver.AbstractMessageResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * The pages' {@code #{…}} texts come from {@link Texts}, formatted there like every {@code Text} in
 * Java. Micronaut's own resolver formats a text twice (once in its message source, once more
 * after), which ate every apostrophe of the English pages ("Residents QR page"); this engine is
 * Micronaut's, built the same way, with the one resolver below instead.
 */
@Factory
public class PageTexts {
  @Singleton
  @Replaces(factory = ThymeleafFactory.class, bean = TemplateEngine.class)
  public TemplateEngine templateEngine(
      ITemplateResolver templateResolver,
      IEngineContextFactory engineContextFactory,
      ILinkBuilder linkBuilder) {
    TemplateEngine engine = new TemplateEngine();
    engine.setEngineContextFactory(engineContextFactory);
    engine.setLinkBuilder(linkBuilder);
    engine.setTemplateResolver(templateResolver);
    engine.addDialect(new Java8TimeDialect());
    engine.addMessageResolver(new BundleMessages());
    return engine;
  }

  /** {@code #{key(values…)}} in the page's language, from the bundles. */
  static final class BundleMessages extends AbstractMessageResolver {
    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
      return Texts.format(
          key, context.getLocale(), messageParameters == null ? new Object[0] : messageParameters);
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] messageParameters) {
      return "??" + key + "_" + context.getLocale() + "??";
    }
  }
}
