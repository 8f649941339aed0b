package liaison.hub.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liaison.hub.opinion.CaseStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every key a page or the Java names is in both bundles, so nobody reads {@code ??key_en??}: the
 * templates' {@code #{key}}, Java's {@code Text.of("key", …)}, the names of the hub's values (each
 * enum's {@code text()}), and the audit page's name of every action and record the hub audits.
 *
 * <p>A key put together at run time ({@code #{'case.done.' + ${done}}}, {@code Text.of("weekday." +
 * n)}) is checked by its beginning: some key must start with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TranslationKeysTest {
  private static final Path VIEWS = Path.of("src/main/resources/views");
  private static final Path JAVA = Path.of("src/main/java");
  private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");
  private static final Pattern TEMPLATE_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.-]+)'\\s*\\+");
  private static final Pattern JAVA_KEY =
      Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"\\s*([,)+])");
  private static final Pattern AUDIT =
      Pattern.compile("audit\\.record\\(\\s*\\w+,\\s*\\w+,\\s*([^;]*?),\\s*\"([\\w-]+)\"\\s*,");
  private static final Pattern LITERAL = Pattern.compile("\"([\\w-]+)\"");

  private Properties zh;
  private Properties en;

  @BeforeAll
  void load() throws IOException {
    zh = PageTextsTest.load("messages_zh.properties");
    en = PageTextsTest.load("messages_en.properties");
  }

  @Test
  void shouldFindEveryKeyOfTheTemplatesInBothLanguages() {
    Set<String> keys = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    for (String page : read(VIEWS, ".html")) {
      collect(TEMPLATE_KEY, page, keys);
      collect(TEMPLATE_PREFIX, page, prefixes);
    }

    assertThat(keys).as("keys found in the templates").hasSizeGreaterThan(400);
    assertThat(missing(keys)).isEmpty();
    assertThat(prefixes).as("keys put together in the templates").isNotEmpty();
    assertThat(unknownPrefixes(prefixes)).isEmpty();
  }

  @Test
  void shouldFindEveryKeyOfTheJavaInBothLanguages() {
    Set<String> keys = new TreeSet<>();
    Set<String> prefixes = new TreeSet<>();
    for (String source : read(JAVA, ".java")) {
      Matcher m = JAVA_KEY.matcher(source);
      while (m.find()) {
        (m.group(2).equals("+") ? prefixes : keys).add(m.group(1));
      }
    }

    assertThat(keys).as("keys found in the Java").hasSizeGreaterThan(300);
    assertThat(missing(keys)).isEmpty();
    assertThat(unknownPrefixes(prefixes)).isEmpty();
  }

  @Test
  void shouldNameEveryValueOfTheHubsEnumsInBothLanguages() throws ReflectiveOperationException {
    Set<String> keys = new TreeSet<>();
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("liaison.hub");
    int named = 0;
    for (JavaClass type : classes) {
      if (!type.isEnum()) {
        continue;
      }
      for (JavaMethod method : type.getMethods()) {
        if (method.getRawParameterTypes().isEmpty()
            && method.getRawReturnType().isEquivalentTo(Text.class)) {
          named++;
          Method reflected = method.reflect();
          for (Object value : type.reflect().getEnumConstants()) {
            keys.add(((Text) reflected.invoke(value)).key());
          }
        }
      }
    }

    assertThat(named).as("enums whose values have names in the bundles").isGreaterThanOrEqualTo(5);
    assertThat(missing(keys)).isEmpty();
  }

  @Test
  void shouldNameEveryAuditedActionAndRecordOnTheAuditPage() {
    Set<String> keys = new TreeSet<>();
    for (String source : read(JAVA, ".java")) {
      Matcher m = AUDIT.matcher(source);
      while (m.find()) {
        collect(LITERAL, m.group(1), keys, "audit.action.");
        keys.add("audit.entity." + m.group(2));
      }
    }
    // A case's step is audited under its new status (CaseHandling.step).
    for (CaseStatus status : CaseStatus.values()) {
      keys.add("audit.action." + status.name().toLowerCase(java.util.Locale.ROOT));
    }

    assertThat(keys).as("audited actions and records").hasSizeGreaterThan(20);
    assertThat(missing(keys)).isEmpty();
  }

  /**
   * Keys put together from a prefix and a number ({@code "week.weekday." + day}) escape the scans
   * above: every such family must run 1, 2, … without a gap, in both languages.
   */
  @Test
  void shouldNumberEveryFamilyOfKeysWithoutAGap() {
    Pattern numbered = Pattern.compile("(.+\\.)(\\d+)");
    List<String> gaps = new ArrayList<>();
    for (Properties bundle : List.of(zh, en)) {
      java.util.Map<String, java.util.SortedSet<Integer>> families = new java.util.TreeMap<>();
      for (String key : bundle.stringPropertyNames()) {
        Matcher m = numbered.matcher(key);
        if (m.matches()) {
          families
              .computeIfAbsent(m.group(1), f -> new TreeSet<>())
              .add(Integer.parseInt(m.group(2)));
        }
      }
      families.forEach(
          (family, numbers) -> {
            for (int n = numbers.first(); n <= numbers.last(); n++) {
              if (!numbers.contains(n)) {
                gaps.add(family + n + (bundle == zh ? " (zh)" : " (en)"));
              }
            }
          });
    }

    assertThat(gaps).isEmpty();
  }

  private List<String> missing(Set<String> keys) {
    List<String> missing = new ArrayList<>();
    for (String key : keys) {
      if (!zh.containsKey(key)) {
        missing.add(key + " (zh)");
      }
      if (!en.containsKey(key)) {
        missing.add(key + " (en)");
      }
    }
    return missing;
  }

  private List<String> unknownPrefixes(Set<String> prefixes) {
    return prefixes.stream()
        .filter(p -> zh.stringPropertyNames().stream().noneMatch(k -> k.startsWith(p)))
        .toList();
  }

  private static void collect(Pattern pattern, String text, Set<String> into) {
    collect(pattern, text, into, "");
  }

  private static void collect(Pattern pattern, String text, Set<String> into, String prefix) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      into.add(prefix + m.group(1));
    }
  }

  private static List<String> read(Path root, String suffix) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(f -> f.toString().endsWith(suffix))
          .map(
              f -> {
                try {
                  return Files.readString(f);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
