package liaison.signage.player.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update files as the app reads them at start: written by {@link StationUpdate} (pending) and
 * by {@code liaison-update-check} (rolled-back), in the same KEY=value lines.
 */
class UpdateRecordTest {
  @TempDir Path home;

  @Test
  void shouldConfirmOnlyThePendingUpdateOfItsOwnVersion() throws Exception {
    Files.createDirectories(home.resolve("update"));
    Files.writeString(
        home.resolve("update/pending"), "VERSION=0.2.0\nPREVIOUS=0.1.0\nDEADLINE=1\nSTARTS=1\n");
    UpdateRecord record = new UpdateRecord(home);

    assertThat(record.pendingFor("0.1.0")).isFalse();
    assertThat(record.confirmHealthy("0.1.0")).as("the old version, rolled back to").isFalse();
    assertThat(home.resolve("update/pending")).exists();
    assertThat(record.confirmHealthy("0.2.0")).isTrue();
    assertThat(home.resolve("update/pending")).doesNotExist();
    assertThat(record.confirmHealthy("0.2.0")).as("once").isFalse();
  }

  @Test
  void shouldReportARollbackOnceAndNotTryThatVersionAgain() throws Exception {
    Files.createDirectories(home.resolve("update"));
    Files.writeString(
        home.resolve("update/rolled-back"),
        "VERSION=0.3.0\nPREVIOUS=0.2.0\nREASON=starts\nAT=1796450400\n");
    UpdateRecord record = new UpdateRecord(home);

    assertThat(record.failed("0.3.0")).isFalse();
    assertThat(record.takeRollback())
        .contains(new UpdateRecord.RolledBack("0.3.0", "0.2.0", "starts", 1796450400L));
    assertThat(record.takeRollback()).as("reported once").isEmpty();
    assertThat(record.failed("0.3.0")).isTrue();
    assertThat(record.failed("0.3.1")).as("a newer target is tried").isFalse();
  }

  @Test
  void shouldFindNothingOnAStationThatNeverUpdated() throws Exception {
    UpdateRecord record = new UpdateRecord(home);

    assertThat(record.pendingFor("0.1.0")).isFalse();
    assertThat(record.takeRollback()).isEmpty();
    assertThat(record.failed("0.1.0")).isFalse();
  }
}
