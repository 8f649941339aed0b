package liaison.hub.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.text.Text;

/**
 * PostgreSQL's database, dumped by {@code pg_dump --format=custom} while the hub writes to it, and
 * put back by {@code pg_restore} into an empty database in one transaction.
 *
 * <p>The moment is one repeatable-read transaction of this command's: it exports its snapshot,
 * {@code pg_dump} dumps exactly that snapshot ({@code --snapshot}), and the figures of every table
 * are read in the same transaction, which stays open until both are done.
 */
final class PostgresCopy implements DatabaseCopy {
  private final String url;
  private final String user;
  private final String password;

  PostgresCopy(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  @Override
  public String store() {
    return "postgresql";
  }

  @Override
  public String entryName() {
    return Manifest.DATABASE_PREFIX + "hub.dump";
  }

  @Override
  public Snapshot take(Path into) {
    try (Connection c = connect()) {
      PostgresTools.Program pgDump =
          PostgresTools.find("pg_dump", c.getMetaData().getDatabaseMajorVersion());
      c.setAutoCommit(false);
      String snapshot;
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        try (ResultSet r = s.executeQuery("SELECT pg_export_snapshot()")) {
          r.next();
          snapshot = r.getString(1);
        }
      }
      List<String> command = new ArrayList<>(List.of(pgDump.path().toString()));
      command.addAll(PostgresTools.connection(url, user));
      command.addAll(
          List.of("--format=custom", "--snapshot=" + snapshot, "--file=" + into.toAbsolutePath()));
      PostgresTools.run(command, password, into.resolveSibling("pg_dump.log"));
      Snapshot taken = snapshot(c);
      c.commit();
      return taken;
    } catch (SQLException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public String shown() {
    return PostgresTools.shown(url);
  }

  @Override
  public Connection connect() throws SQLException {
    try {
      return DriverManager.getConnection(url, user, password);
    } catch (SQLException e) {
      throw new BackupRefused(
          Text.of("backup.refused.no-connection", shown(), String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public void checkEmpty() {
    List<String> tables = tables();
    if (!tables.isEmpty()) {
      throw new BackupRefused(
          Text.of(
              "restore.refused.database-not-empty",
              shown(),
              String.join(", ", tables.subList(0, Math.min(5, tables.size())))));
    }
  }

  private List<String> tables() {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = current_schema() ORDER BY table_name")) {
      List<String> names = new ArrayList<>();
      while (r.next()) {
        names.add(r.getString(1));
      }
      return names;
    } catch (SQLException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
  }

  @Override
  public void restore(Path from) {
    int major;
    try (Connection c = connect()) {
      major = c.getMetaData().getDatabaseMajorVersion();
    } catch (SQLException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    }
    PostgresTools.Program pgRestore = PostgresTools.find("pg_restore", major);
    List<String> command = new ArrayList<>(List.of(pgRestore.path().toString()));
    command.addAll(PostgresTools.connection(url, user));
    // One transaction: a restore that fails leaves the database as empty as it was.
    command.addAll(
        List.of(
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            from.toAbsolutePath().toString()));
    PostgresTools.run(command, password, from.resolveSibling("pg_restore.log"));
  }

  @Override
  public void undo() {
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      for (String table : tables()) {
        s.execute("DROP TABLE IF EXISTS " + '"' + table.replace("\"", "\"\"") + "\" CASCADE");
      }
    } catch (SQLException e) {
      // the refusal names the database; what is left there is the person's to drop
    }
  }
}
