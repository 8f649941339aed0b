package liaison.hub.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.migrate.DatabaseDigest.TableFigures;
import liaison.hub.text.Text;

/**
 * What a backup holds, as the file's {@code MANIFEST.txt}: plain text, a line per fact, fields
 * separated by tabs, so an operator can read it with {@code unzip -p FILE MANIFEST.txt}. The
 * tables' counts and digests were read inside the same snapshot the database's copy was taken from;
 * each entry of the file has its size and SHA-256.
 *
 * <pre>
 * Liaison hub backup	1
 * hub-version	0.1.0
 * store	sqlite | postgresql
 * schema-version	27
 * taken-at	2026-12-05T21:30:00+08:00
 * entry	database/hub.db	SIZE	SHA-256        (the database, then every file)
 * table	NAME	ROWS	SHA-256
 * </pre>
 */
record Manifest(
    String hubVersion,
    String store,
    String schemaVersion,
    String takenAt,
    List<Entry> entries,
    List<TableFigures> tables) {
  static final String NAME = "MANIFEST.txt";
  static final String DATABASE_PREFIX = "database/";
  static final String FILES_PREFIX = "files/";
  private static final String FIRST_LINE = "Liaison hub backup\t1";

  /** One entry of the file: where it is in the file, its size and SHA-256. */
  record Entry(String name, long size, String sha256) {}

  Manifest {
    entries = List.copyOf(entries);
    tables = List.copyOf(tables);
  }

  String text() {
    StringBuilder s = new StringBuilder(FIRST_LINE).append('\n');
    s.append("hub-version\t").append(hubVersion).append('\n');
    s.append("store\t").append(store).append('\n');
    s.append("schema-version\t").append(schemaVersion).append('\n');
    s.append("taken-at\t").append(takenAt).append('\n');
    for (Entry e : entries) {
      s.append("entry\t").append(e.name()).append('\t').append(e.size()).append('\t');
      s.append(e.sha256()).append('\n');
    }
    for (TableFigures t : tables) {
      s.append("table\t").append(t.table()).append('\t').append(t.rows()).append('\t');
      s.append(t.sha256()).append('\n');
    }
    return s.toString();
  }

  /**
   * @throws BackupRefused when the text is not a manifest of ours
   */
  static Manifest read(InputStream in, String file) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (!FIRST_LINE.equals(lines.readLine())) {
      throw new BackupRefused(Text.of("restore.refused.not-backup", file));
    }
    String hubVersion = "";
    String store = "";
    String schemaVersion = "";
    String takenAt = "";
    List<Entry> entries = new ArrayList<>();
    List<TableFigures> tables = new ArrayList<>();
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
          case "hub-version" -> hubVersion = f[1];
          case "store" -> store = f[1];
          case "schema-version" -> schemaVersion = f[1];
          case "taken-at" -> takenAt = f[1];
          case "entry" -> entries.add(new Entry(f[1], Long.parseLong(f[2]), f[3]));
          case "table" -> tables.add(new TableFigures(f[1], Long.parseLong(f[2]), f[3]));
          default -> throw new IllegalArgumentException(line);
        }
      }
    } catch (RuntimeException e) {
      throw new BackupRefused(Text.of("restore.refused.manifest", file), e);
    }
    if (store.isEmpty() || entries.stream().noneMatch(e -> e.name().startsWith(DATABASE_PREFIX))) {
      throw new BackupRefused(Text.of("restore.refused.manifest", file));
    }
    return new Manifest(hubVersion, store, schemaVersion, takenAt, entries, tables);
  }

  Entry database() {
    return entries.stream()
        .filter(e -> e.name().startsWith(DATABASE_PREFIX))
        .findFirst()
        .orElseThrow();
  }

  List<Entry> files() {
    return entries.stream().filter(e -> e.name().startsWith(FILES_PREFIX)).toList();
  }

  long rows() {
    return tables.stream().mapToLong(TableFigures::rows).sum();
  }
}
