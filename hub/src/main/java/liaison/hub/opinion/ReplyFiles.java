package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;

/**
 * The files a department attaches to its reply. A photo (JPEG or PNG, by its bytes) goes through
 * the {@link PhotoStore} like a resident's: decoded and written again, so nothing but pixels is
 * kept. A PDF is kept as sent under {@code <data-dir>/attachments/<sha256>.pdf}, once it starts
 * like a PDF and ends like one; anything else is refused, whatever its name says. All files of a
 * reply are checked before any is written, so a refused reply leaves nothing behind.
 */
@Singleton
public class ReplyFiles {
  /** Files per reply. */
  public static final int MAX_FILES = 3;

  /** A PDF's size at most (a scanned letter of a few pages). */
  public static final int MAX_PDF_BYTES = 10 * 1024 * 1024;

  /** The longest file name kept (longer ones are cut, keeping the extension). */
  static final int MAX_NAME = 100;

  private static final byte[] PDF_START = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);

  /** What a stored file is. */
  public enum Kind {
    IMAGE,
    PDF
  }

  /** A file as sent: the name on the sender's computer and its bytes. */
  public record Upload(String name, byte[] bytes) {
    /** A browser sends an empty part for a file field left empty. */
    public boolean isEmpty() {
      return bytes.length == 0 && name.isBlank();
    }
  }

  /** A file checked and ready to be written. */
  public record Checked(Kind kind, String name, String hash, byte[] bytes) {}

  /** A file of a reply as pages and the API list it. */
  public record Attachment(
      String hash,
      Kind kind,
      String fileName,
      long sizeBytes,
      String departmentId,
      String addedBy,
      OffsetDateTime addedAt) {
    /** Its address under a case: the hash with the extension of what is stored. */
    public String file() {
      return hash + (kind == Kind.PDF ? ".pdf" : ".jpg");
    }

    public boolean isImage() {
      return kind == Kind.IMAGE;
    }
  }

  /** A stored file's bytes with its kind and name, for a download. */
  public record Download(Kind kind, String fileName, byte[] bytes) {}

  private final Database database;
  private final PhotoStore photos;
  private final Path dir;

  public ReplyFiles(Database database, PhotoStore photos, HubConfig config) {
    this.database = database;
    this.photos = photos;
    this.dir = config.dataPath().resolve("attachments");
  }

  /**
   * Checks every file of a reply; empty file fields are skipped.
   *
   * @param problems where each refused file's reason goes, on field {@code files}
   */
  public List<Checked> check(List<Upload> uploads, ValidationProblem.Collector problems) {
    List<Upload> given = uploads.stream().filter(u -> !u.isEmpty()).toList();
    if (given.size() > MAX_FILES) {
      problems.add("files", Text.of("problem.reply.files.too-many", MAX_FILES));
      return List.of();
    }
    List<Checked> checked = new ArrayList<>();
    for (Upload upload : given) {
      String name = name(upload.name());
      if (startsWith(upload.bytes(), PDF_START)) {
        if (upload.bytes().length > MAX_PDF_BYTES) {
          problems.add("files", Text.of("problem.reply.file.pdf-too-large", name, 10));
        } else if (!endsLikeAPdf(upload.bytes())) {
          problems.add("files", Text.of("problem.reply.file.pdf-damaged", name));
        } else {
          checked.add(
              new Checked(Kind.PDF, name, PhotoStore.sha256(upload.bytes()), upload.bytes()));
        }
        continue;
      }
      try {
        PhotoStore.Prepared photo = photos.prepare(upload.bytes());
        checked.add(new Checked(Kind.IMAGE, name, photo.hash(), photo.jpeg()));
      } catch (ValidationProblem e) {
        for (FieldError error : e.errors()) {
          problems.add("files", Text.of("problem.reply.file.refused", name, error.text()));
        }
      }
    }
    return checked;
  }

  /** Writes the checked files and lists them on the case, in the caller's transaction. */
  public void attach(
      Handle h,
      String caseId,
      String departmentId,
      String by,
      OffsetDateTime at,
      List<Checked> files) {
    for (Checked file : files) {
      store(file);
      // The same file twice on one case is listed once.
      h.createUpdate(
              """
              INSERT INTO case_attachment (case_id, hash, kind, file_name, size_bytes, department_id, added_by, added_at)
              VALUES (:case, :hash, :kind, :name, :size, :department, :by, :at)
              ON CONFLICT (case_id, hash) DO NOTHING
              """)
          .bind("case", caseId)
          .bind("hash", file.hash())
          .bind("kind", file.kind().name())
          .bind("name", file.name())
          .bind("size", (long) file.bytes().length)
          .bind("department", departmentId)
          .bind("by", by)
          .bind("at", Sql.instant(at))
          .execute();
    }
  }

  /**
   * Writes a checked file where its kind is kept: a photo in the photo store, a PDF under {@code
   * attachments/}. Files are named by their hash, so writing one twice keeps one; what lists the
   * file (a case's reply, a deputy's suggestion, a duty-point entry's evidence) is the caller's
   * table.
   */
  public void store(Checked file) {
    if (file.kind() == Kind.IMAGE) {
      photos.save(new PhotoStore.Prepared(file.hash(), file.bytes()));
    } else {
      savePdf(file);
    }
  }

  /** A stored file's bytes by its kind and hash (the caller has checked who may read it). */
  public Optional<byte[]> read(Kind kind, String hash) {
    return kind == Kind.IMAGE ? photos.read(hash) : readPdf(hash);
  }

  /** The files attached to a case, oldest first. */
  public List<Attachment> of(String caseId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM case_attachment WHERE case_id = :case ORDER BY added_at, file_name")
                .bind("case", caseId)
                .map(
                    (rs, ctx) ->
                        new Attachment(
                            rs.getString("hash"),
                            Kind.valueOf(rs.getString("kind")),
                            rs.getString("file_name"),
                            rs.getLong("size_bytes"),
                            rs.getString("department_id"),
                            rs.getString("added_by"),
                            Sql.instant(rs.getString("added_at"))))
                .list());
  }

  /**
   * The file {@code <hash>.jpg} or {@code <hash>.pdf} if it is attached to this case (the caller
   * has checked who may read the case).
   */
  public Optional<Download> read(String caseId, String file) {
    Optional<Attachment> attached =
        of(caseId).stream().filter(a -> a.file().equals(file)).findFirst();
    return attached.flatMap(
        a -> read(a.kind(), a.hash()).map(bytes -> new Download(a.kind(), a.fileName(), bytes)));
  }

  private void savePdf(Checked file) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(file.hash() + ".pdf");
      if (!Files.exists(target)) {
        Path temp = Files.createTempFile(dir, "upload-", ".tmp");
        Files.write(temp, file.bytes());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the attachment into " + dir, e);
    }
  }

  private Optional<byte[]> readPdf(String hash) {
    Path file = dir.resolve(hash + ".pdf");
    try {
      return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The name as kept: no folders, no control characters, not too long. */
  static String name(String given) {
    String name = given.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (name.isEmpty()) {
      return "附件";
    }
    if (name.length() > MAX_NAME) {
      int dot = name.lastIndexOf('.');
      String ext = dot > 0 && name.length() - dot <= 6 ? name.substring(dot) : "";
      name = name.substring(0, MAX_NAME - ext.length()) + ext;
    }
    return name;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** A PDF ends with {@code %%EOF}, perhaps followed by a line end or a little padding. */
  private static boolean endsLikeAPdf(byte[] bytes) {
    int from = Math.max(0, bytes.length - 1024);
    outer:
    for (int i = bytes.length - PDF_END.length; i >= from; i--) {
      for (int j = 0; j < PDF_END.length; j++) {
        if (bytes[i + j] != PDF_END[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
