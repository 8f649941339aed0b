package liaison.hub.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.signage.protocol.BundleSignature;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Station bundles on both stores: what an upload must be, the signature that binds version,
 * processor and file, and the one key every hub of a county signs with.
 */
@OnBothStores
class StationBundlesTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
  private final BadInput badInput = new BadInput(clock);
  private final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private final Staff manager =
      new Staff("u-m1", "chengguan", "站长", Role.STATION_MANAGER, "c-1", null, Set.of("s-001"));

  private StationBundles bundles(Database database, Path data) {
    return new StationBundles(
        database,
        new SigningKey(database, clock),
        new AuditLog(database, clock),
        badInput,
        clock,
        new HubConfig(8080, "127.0.0.1", data.toString(), "https://hub.example.cn", "never"));
  }

  @Test
  void shouldKeepAndSignABundleSoTheSignatureHoldsForThatVersionProcessorAndFileOnly(
      @TempDir Path dir) throws Exception {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      StationBundles bundles = bundles(db.database(), dir.resolve("data"));
      byte[] file = TestBundles.bundle("0.2.0", "linux-aarch64").tarGz();
      byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(file);

      StationBundle kept = bundles.upload(admin, new ByteArrayInputStream(file));

      assertThat(kept.version()).isEqualTo("0.2.0");
      assertThat(kept.arch()).isEqualTo("linux-aarch64");
      assertThat(kept.sizeBytes()).isEqualTo(file.length);
      assertThat(kept.sha256()).isEqualTo(HexFormat.of().formatHex(sha256));
      assertThat(kept.uploadedBy()).isEqualTo("县管理员");
      assertThat(Files.readAllBytes(bundles.file(kept))).isEqualTo(file);
      PublicKey key = BundleSignature.publicKey(bundles.publicKeyPem());
      String sig = kept.signature();
      assertThat(BundleSignature.verifies(key, "0.2.0", "linux-aarch64", sha256, sig)).isTrue();
      assertThat(BundleSignature.verifies(key, "0.2.1", "linux-aarch64", sha256, sig))
          .as("another version")
          .isFalse();
      assertThat(BundleSignature.verifies(key, "0.2.0", "linux-x64", sha256, sig))
          .as("another processor")
          .isFalse();
      byte[] otherFile = MessageDigest.getInstance("SHA-256").digest(new byte[] {1, 2, 3});
      assertThat(BundleSignature.verifies(key, "0.2.0", "linux-aarch64", otherFile, sig))
          .as("another file")
          .isFalse();
      assertThat(BundleSignature.verifies(key, "0.2.0", "linux-aarch64", sha256, "not base64!"))
          .isFalse();

      assertThat(bundles.upload(admin, new ByteArrayInputStream(file)))
          .as("the same file again is the same bundle")
          .isEqualTo(kept);
      assertThatThrownBy(
              () ->
                  bundles.upload(
                      admin,
                      new ByteArrayInputStream(
                          TestBundles.bundle("0.2.0", "linux-aarch64")
                              .with("lib/extra.jar", "changed")
                              .tarGz())))
          .isInstanceOf(ValidationProblem.class)
          .hasMessageContaining("already has version 0.2.0 for linux-aarch64");
      assertThat(bundles.list()).containsExactly(kept);
      assertThat(bundles.find("linux-aarch64", "")).contains(kept);
      assertThat(bundles.find("linux-x64", "")).isEmpty();
    }
  }

  @Test
  void shouldSignWithOneKeyOnEveryHubOfTheCountyKeptInTheDatabase(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      Database database = db.database();
      String first = new SigningKey(database, clock).publicPem();
      String second = new SigningKey(database, clock).publicPem();

      assertThat(first).startsWith("-----BEGIN PUBLIC KEY-----\n").isEqualTo(second);
      assertThat(BundleSignature.publicKey(first).getAlgorithm()).isIn("Ed25519", "EdDSA");
      int rows =
          database.withHandle(
              h ->
                  h.createQuery("SELECT COUNT(*) FROM hub_signing_key").mapTo(Integer.class).one());
      assertThat(rows).isEqualTo(1);
    }
  }

  @Test
  void shouldRefuseWhatIsNotABundleKeepingNothingAndCountIt(@TempDir Path dir) throws Exception {
    try (TestStore db = TestStore.migrated(store, dir.resolve("db"))) {
      Path data = dir.resolve("data");
      StationBundles bundles = bundles(db.database(), data);
      byte[] good = TestBundles.bundle("0.3.0", "linux-x64").tarGz();
      byte[] tampered = good.clone();
      tampered[tampered.length / 2] ^= 0x55;

      assertRefused(bundles, new byte[0], "Choose a station bundle");
      assertRefused(bundles, "just text".getBytes(), "cannot be read as a tar.gz");
      assertRefused(bundles, tampered, "cannot be read as a tar.gz");
      // damage that decodes to a forbidden entry before the checksum is reached is still damage
      byte[] damagedLink =
          TestBundles.bundle("0.3.0", "linux-x64").withSymlink("lib/x", "/etc/shadow").tarGz();
      damagedLink[damagedLink.length - 8] ^= 0x55;
      assertRefused(bundles, damagedLink, "cannot be read as a tar.gz");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64").without("VERSION").tarGz(),
          "no VERSION file");
      assertRefused(
          bundles, TestBundles.bundle("0.3.0; rm -rf /", "linux-x64").tarGz(), "is not a version");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64").without("bin/liaison-station").tarGz(),
          "no launcher");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64")
              .with("javafx/javafx-graphics-25-linux-aarch64.jar", "both")
              .tarGz(),
          "exactly one processor");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64").with("../../etc/cron.d/x", "escape").tarGz(),
          "outside its own folder");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64").withSymlink("lib/x", "/etc/shadow").tarGz(),
          "symbolic or hard link");
      assertRefused(
          bundles,
          TestBundles.bundle("0.3.0", "linux-x64")
              .withHardLink("lib/y", "bin/liaison-station")
              .tarGz(),
          "symbolic or hard link");
      assertThatThrownBy(() -> bundles.upload(manager, new ByteArrayInputStream(good)))
          .isInstanceOf(ForbiddenProblem.class);

      assertThat(bundles.list()).isEmpty();
      try (Stream<Path> left = Files.list(data.resolve("bundles"))) {
        assertThat(left).as("no upload left behind").isEmpty();
      }
      assertThat(badInput.count("station-bundle")).isEqualTo(11);
    }
  }

  private static void assertRefused(StationBundles bundles, byte[] file, String reason) {
    Staff admin = new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
    assertThatThrownBy(() -> bundles.upload(admin, new ByteArrayInputStream(file)))
        .isInstanceOf(ValidationProblem.class)
        .satisfies(
            e ->
                assertThat(((ValidationProblem) e).errors())
                    .singleElement()
                    .satisfies(
                        f -> {
                          assertThat(f.field()).isEqualTo("bundle");
                          assertThat(f.text().en()).contains(reason);
                          assertThat(f.text().zh()).isNotBlank().isNotEqualTo(f.text().en());
                        }));
  }
}
