package liaison.hub.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import liaison.hub.TestDatabases;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever people typed survives the move as it was stored: random text of every plane (Chinese,
 * emoji with their joiners and skin tones, combining marks, right-to-left script, quotes of every
 * kind, backslashes, control characters, line breaks) goes from SQLite into PostgreSQL and reads
 * back the same, and the migration's own check finds both sides equal. NUL is the exception:
 * PostgreSQL cannot store it in text, so the copy refuses the cell rather than change it.
 */
@net.jqwik.api.lifecycle.AddLifecycleHook(liaison.hub.WhenPostgresAnswers.class)
class MigratedTextProperties {
  private static Path dir;
  private static Connection sqlite;
  private static Connection postgres;
  private static Table words;

  @BeforeContainer
  static void open() throws IOException, SQLException {
    dir = Files.createTempDirectory("migrated-text");
    sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("source.db"));
    postgres = TestDatabases.createPostgres().connect();
    for (Connection c : List.of(sqlite, postgres)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE words (id INTEGER PRIMARY KEY, word TEXT NOT NULL)");
      }
    }
    words = TargetSchema.read(postgres, List.of("words")).getFirst();
  }

  @AfterContainer
  static void close() throws IOException, SQLException {
    // Nothing opened when there is no PostgreSQL to copy to (the properties were skipped).
    if (sqlite != null) {
      sqlite.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void textReadsBackAsStoredAndBothSidesDigestTheSame(@ForAll("texts") List<String> texts)
      throws SQLException {
    store(texts);
    postgres.setAutoCommit(false);
    try {
      long copied = new TableCopy(sqlite, postgres).copy(words);

      assertThat(copied).isEqualTo(texts.size());
      assertThat(read(postgres)).isEqualTo(texts);
      assertThat(TableDigest.of(postgres, words, TableDigest.Side.POSTGRESQL))
          .isEqualTo(TableDigest.of(sqlite, words, TableDigest.Side.SQLITE));
    } finally {
      // Each try starts from an empty target.
      postgres.rollback();
      postgres.setAutoCommit(true);
    }
  }

  @Example
  void aNulIsRefusedNamingTheCellAndNothingIsChanged() throws SQLException {
    store(List.of("前\0后"));
    postgres.setAutoCommit(false);
    try {
      assertThatThrownBy(() -> new TableCopy(sqlite, postgres).copy(words))
          .isInstanceOfSatisfying(
              MigrationRefused.class,
              e ->
                  assertThat(e.reason().en())
                      .contains(
                          "column word of table words (id = 1)",
                          "NUL character (after character 1)"));
    } finally {
      postgres.rollback();
      postgres.setAutoCommit(true);
    }
  }

  @Provide
  Arbitrary<List<String>> texts() {
    Arbitrary<Integer> codePoint =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FFF)), // 汉字
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x1F300, 0x1FAFF)), // emoji
            net.jqwik.api.Tuple.of(
                2,
                Arbitraries.of(
                    (int) '\'',
                    (int) '"',
                    (int) '\\',
                    (int) '‘',
                    (int) '’',
                    (int) '“',
                    (int) '”',
                    (int) '「',
                    (int) '」',
                    (int) '\n',
                    (int) '\r',
                    (int) '\t',
                    0x200D,
                    0xFE0F,
                    0x1F3FD,
                    0x0301,
                    0x05D0,
                    0x202E,
                    0x01,
                    0x1F,
                    0x7F,
                    0xFEFF)),
            net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x20, 0x7E)),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.integers()
                    .between(0x01, 0x10FFFF)
                    .filter(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE)));
    Arbitrary<String> text =
        codePoint
            .list()
            .ofMaxSize(40)
            .map(
                points -> {
                  StringBuilder b = new StringBuilder();
                  points.forEach(b::appendCodePoint);
                  return b.toString();
                });
    return text.list().ofMaxSize(12);
  }

  private static void store(List<String> texts) throws SQLException {
    try (Statement s = sqlite.createStatement()) {
      s.execute("DELETE FROM words");
    }
    try (PreparedStatement q = sqlite.prepareStatement("INSERT INTO words VALUES (?, ?)")) {
      for (int i = 0; i < texts.size(); i++) {
        q.setInt(1, i + 1);
        q.setString(2, texts.get(i));
        q.executeUpdate();
      }
    }
  }

  private static List<String> read(Connection c) throws SQLException {
    List<String> texts = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT word FROM words ORDER BY id")) {
      while (r.next()) {
        texts.add(r.getString(1));
      }
    }
    return texts;
  }
}
