package liaison.hub.software;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.signage.protocol.BundleSignature;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station bundles the hub keeps ({@code station_bundle}), their bytes under {@code
 * <data-dir>/bundles/<sha256>.tar.gz}: the county's hubs share the data directory as they share the
 * photos, so any hub serves a bundle another one took in. Only a county administrator uploads; an
 * upload is streamed to disk (never held in memory), checked ({@link BundleArchive}), signed and
 * then kept, or refused with nothing kept.
 */
@Singleton
public class StationBundles {
  /** Far above today's 27 MB bundle; what a station downloads over a township's line. */
  public static final long MAX_BYTES = 200L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(StationBundles.class);

  private final Database database;
  private final SigningKey key;
  private final AuditLog audit;
  private final BadInput badInput;
  private final Clock clock;
  private final Path dir;

  public StationBundles(
      Database database,
      SigningKey key,
      AuditLog audit,
      BadInput badInput,
      Clock clock,
      HubConfig config) {
    this.database = database;
    this.key = key;
    this.audit = audit;
    this.badInput = badInput;
    this.clock = clock;
    this.dir = config.dataPath().resolve("bundles");
  }

  /**
   * Takes in an uploaded bundle: the same file twice is one bundle (the first answer again);
   * another file under a version and processor the hub already has is refused.
   *
   * @throws ForbiddenProblem unless a county administrator uploads
   * @throws ValidationProblem on field {@code bundle} when the file is not a usable bundle
   */
  public StationBundle upload(Staff staff, InputStream body) {
    requireAdmin(staff);
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "upload-", ".tmp");
      String sha256;
      try {
        sha256 = copy(body, temp);
      } catch (ValidationProblem e) {
        throw refused("too-large", staff, e);
      }
      long size = Files.size(temp);
      if (size == 0) {
        throw refused("empty", staff, BundleArchive.refused("problem.bundle.empty"));
      }
      BundleArchive.Facts facts;
      try {
        facts = BundleArchive.read(temp);
      } catch (ValidationProblem e) {
        throw refused("not-a-bundle", staff, e);
      }
      Optional<StationBundle> same = find(sha256);
      if (same.isPresent()) {
        return same.get();
      }
      if (find(facts.arch(), facts.version()).isPresent()) {
        throw refused(
            "version-taken",
            staff,
            ValidationProblem.of(
                "bundle", Text.of("problem.bundle.version-taken", facts.version(), facts.arch())));
      }
      StationBundle bundle =
          new StationBundle(
              sha256,
              facts.version(),
              facts.arch(),
              size,
              key.sign(BundleSignature.statement(facts.version(), facts.arch(), sha256)),
              staff.displayName(),
              OffsetDateTime.now(clock));
      Path target = file(bundle);
      if (!Files.exists(target)) {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
      database.useTransaction(h -> insert(h, staff, bundle));
      LOG.info(
          "station bundle {} for {} taken in from {} ({} bytes, sha256 {})",
          bundle.version(),
          bundle.arch(),
          staff.username(),
          size,
          sha256);
      return find(sha256).orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the bundle under " + dir, e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private void insert(Handle h, Staff staff, StationBundle b) {
    h.createUpdate(
            """
            INSERT INTO station_bundle
              (sha256, version, arch, size_bytes, signature, uploaded_by, uploaded_at)
            VALUES (:sha256, :version, :arch, :size, :signature, :by, :at)
            """)
        .bind("sha256", b.sha256())
        .bind("version", b.version())
        .bind("arch", b.arch())
        .bind("size", b.sizeBytes())
        .bind("signature", b.signature())
        .bind("by", b.uploadedBy())
        .bind("at", Sql.instant(b.uploadedAt()))
        .execute();
    // the hash's head names it on the audit page; the whole would not fit a phone's line
    audit.record(h, staff, "upload", "station-bundle", b.sha256().substring(0, 12), b.fileName());
  }

  /**
   * Every bundle, newest version first, for a county administrator.
   *
   * @throws ForbiddenProblem for anyone else
   */
  public List<StationBundle> list(Staff staff) {
    requireAdmin(staff);
    return list();
  }

  private static void requireAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem(Text.of("problem.bundle.admin-only"));
    }
  }

  /** Every bundle, newest version first. */
  public List<StationBundle> list() {
    return database
        .withHandle(h -> h.createQuery(SELECT).map(StationBundles::bundle).list())
        .stream()
        .sorted(StationBundle.NEWEST_FIRST)
        .toList();
  }

  /** The bundle for this processor: of that version, or the newest when none is named. */
  public Optional<StationBundle> find(String arch, String version) {
    return list().stream()
        .filter(b -> b.arch().equals(arch) && (version.isEmpty() || b.version().equals(version)))
        .findFirst();
  }

  public Optional<StationBundle> find(String sha256) {
    return database.withHandle(
        h ->
            h.createQuery(SELECT + " WHERE sha256 = :sha256")
                .bind("sha256", sha256)
                .map(StationBundles::bundle)
                .findOne());
  }

  /** Where the bundle's bytes are. */
  public Path file(StationBundle bundle) {
    return dir.resolve(bundle.sha256() + ".tar.gz");
  }

  /** The hub's public key, PEM, that every station checks bundles with. */
  public String publicKeyPem() {
    return key.publicPem();
  }

  private static final String SELECT =
      "SELECT sha256, version, arch, size_bytes, signature, uploaded_by, uploaded_at"
          + " FROM station_bundle";

  private static StationBundle bundle(ResultSet rs, StatementContext ctx) throws SQLException {
    return new StationBundle(
        rs.getString("sha256"),
        rs.getString("version"),
        rs.getString("arch"),
        rs.getLong("size_bytes"),
        rs.getString("signature"),
        rs.getString("uploaded_by"),
        Sql.instant(rs.getString("uploaded_at")));
  }

  /** Copies the body into the file, at most {@link #MAX_BYTES}; answers its SHA-256 in hex. */
  private String copy(InputStream body, Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = body.read(buffer)) > 0) {
        total += n;
        if (total > MAX_BYTES) {
          throw BundleArchive.refused("problem.bundle.too-large");
        }
        out.write(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private ValidationProblem refused(String reason, Staff staff, ValidationProblem problem) {
    badInput.record("station-bundle", reason, staff.username());
    return problem;
  }

  private static void deleteQuietly(Path temp) {
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      LOG.warn("could not delete the unfinished upload {}", temp, e);
    }
  }
}
