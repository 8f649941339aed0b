package liaison.hub.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The texts of the bundles: Chinese is the default bundle, every key has its English, and every
 * text survives MessageFormat, with arguments or without (a lone apostrophe starts a quote and
 * swallows the rest, as "stations' screens" and "Residents' QR page" once did).
 */
class PageTextsTest {
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)}");

  static Properties load(String name) throws IOException {
    try (InputStream in = PageTextsTest.class.getResourceAsStream("/i18n/" + name)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }

  @Test
  void shouldHaveChineseAsTheDefaultAndEnglishForEveryKey() throws IOException {
    Properties base = load("messages.properties");
    Properties zh = load("messages_zh.properties");
    Properties en = load("messages_en.properties");

    assertThat(base).isEqualTo(zh);
    assertThat(en.keySet()).containsExactlyInAnyOrderElementsOf(zh.keySet());
  }

  @Test
  void shouldKeepEveryWordOfEveryText() throws IOException {
    List<String> broken = new ArrayList<>();
    for (String bundle : List.of("messages_zh.properties", "messages_en.properties")) {
      Properties texts = load(bundle);
      for (String key : texts.stringPropertyNames()) {
        String text = texts.getProperty(key);
        Matcher m = ARGUMENT.matcher(text);
        int arguments = 0;
        while (m.find()) {
          arguments = Math.max(arguments, Integer.parseInt(m.group(1)) + 1);
        }
        Object[] values = new Object[arguments];
        for (int i = 0; i < arguments; i++) {
          values[i] = "«" + i + "»";
        }
        // What the text says once formatted: a doubled apostrophe is one, a quoted brace a brace.
        String expected = text.replace("'{'", "{").replace("'}'", "}").replace("''", "'");
        for (int i = 0; i < arguments; i++) {
          expected = expected.replace("{" + i + "}", "«" + i + "»");
        }
        String formatted = new MessageFormat(text).format(values);
        if (!formatted.equals(expected)) {
          broken.add(bundle + " " + key + ": " + formatted);
        }
      }
    }
    assertThat(broken).isEmpty();
  }
}
