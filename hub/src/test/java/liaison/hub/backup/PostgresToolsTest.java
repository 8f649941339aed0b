package liaison.hub.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Debian's PostgreSQL programs as a backup finds them: the newest, and a clear refusal naming the
 * package to install when the newest is older than the server.
 */
class PostgresToolsTest {

  @Test
  void shouldFindTheNewestPgDumpAndRefuseOneOlderThanTheServer() {
    PostgresTools.Program found;
    try {
      found = PostgresTools.find("pg_dump", 0);
    } catch (BackupRefused e) {
      Assumptions.abort("no pg_dump here (Debian: postgresql-client)");
      return;
    }
    assertThat(Files.isExecutable(found.path())).isTrue();
    assertThat(found.major()).isGreaterThanOrEqualTo(12);

    int newer = found.major() + 1;
    assertThatThrownBy(() -> PostgresTools.find("pg_dump", newer))
        .isInstanceOfSatisfying(
            BackupRefused.class,
            e -> {
              assertThat(e.reason().zh()).contains("比服务器", "postgresql-client-" + newer);
              assertThat(e.reason().en())
                  .contains(
                      "version " + found.major(),
                      "older than the server (PostgreSQL " + newer + ")",
                      "postgresql-client-" + newer);
            });
  }

  @Test
  void shouldSayWhichPackageAMissingProgramComesIn() {
    assertThatThrownBy(() -> PostgresTools.find("pg_nothing_of_the_kind", 15))
        .isInstanceOfSatisfying(
            BackupRefused.class,
            e ->
                assertThat(e.reason().en())
                    .contains("No pg_nothing_of_the_kind here", "postgresql-client-15"));
  }

  @Test
  void shouldTurnAJdbcUrlIntoLibpqOptionsWithoutThePassword() {
    assertThat(
            PostgresTools.connection(
                "jdbc:postgresql://db.county:5433/liaison?sslmode=require&password=secret", "hub"))
        .containsExactly(
            "--host=db.county",
            "--port=5433",
            "--dbname=liaison",
            "--username=hub",
            "--no-password");
    assertThat(PostgresTools.shown("jdbc:postgresql://db/liaison?password=secret"))
        .isEqualTo("jdbc:postgresql://db/liaison");
    assertThat(PostgresTools.connection("jdbc:postgresql://db/liaison", ""))
        .doesNotContain("--username=");
  }
}
