package liaison.hub.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prometheus' text format read back into samples (name, labels, value), so tests ask for a figure
 * instead of matching lines: comments skipped, label values unescaped.
 */
record Exposition(List<Exposition.Sample> samples) {
  record Sample(String name, Map<String, String> labels, double value) {}

  static Exposition parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      Map<String, String> labels = new LinkedHashMap<>();
      String name;
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        int end = readLabels(line, brace + 1, labels);
        space = line.indexOf(' ', end);
      } else {
        name = line.substring(0, line.indexOf(' '));
        space = line.indexOf(' ');
      }
      String value = line.substring(space + 1).strip().split(" ")[0];
      samples.add(new Sample(name, labels, number(value)));
    }
    return new Exposition(samples);
  }

  private static double number(String value) {
    return switch (value) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(value);
    };
  }

  /** Reads {@code k="v",…} from {@code at}; returns the index after the closing brace. */
  private static int readLabels(String line, int at, Map<String, String> labels) {
    int i = at;
    while (line.charAt(i) != '}') {
      int eq = line.indexOf('=', i);
      String key = line.substring(i, eq);
      StringBuilder value = new StringBuilder();
      i = eq + 2;
      while (line.charAt(i) != '"') {
        char c = line.charAt(i);
        if (c == '\\') {
          char next = line.charAt(++i);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
        i++;
      }
      labels.put(key, value.toString());
      i++;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    return i + 1;
  }

  /** The sum of the samples of that name whose labels include the given ones (0 when none). */
  double value(String name, String... labelPairs) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && matches(s.labels(), labelPairs))
        .mapToDouble(Sample::value)
        .sum();
  }

  /** How much a figure moved from an earlier exposition to this one. */
  double since(Exposition earlier, String name, String... labelPairs) {
    return value(name, labelPairs) - earlier.value(name, labelPairs);
  }

  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  List<Sample> named(String name) {
    return samples.stream().filter(s -> s.name().equals(name)).toList();
  }

  private static boolean matches(Map<String, String> labels, String... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (!pairs[i + 1].equals(labels.get(pairs[i]))) {
        return false;
      }
    }
    return true;
  }
}
