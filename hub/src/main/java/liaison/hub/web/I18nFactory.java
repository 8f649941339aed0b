package liaison.hub.web;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Singleton;

/** The texts of the admin's pages: {@code i18n/messages_zh} (the default) and {@code messages_en}. */
@Factory
public class I18nFactory {
  @Singleton
  public MessageSource pageTexts() {
    return new ResourceBundleMessageSource("i18n.messages");
  }
}
