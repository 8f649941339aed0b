package liaison.signage.player.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at bringing a {@code .part} file to the whole of a URL's bytes. What is already in
 * the part is asked for no more ({@code Range: bytes=N-}); a server that ignores the Range (200)
 * starts the file over, one that refuses it (416) or answers another range makes the part start
 * clean, and more bytes than the reference names are refused (a part never grows past its file). A
 * line cut half-way throws, and the part keeps what arrived for the next attempt.
 *
 * <p>The caller checks the complete part against its hash before renaming it into place.
 */
public final class ResumableDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

  private ResumableDownload() {}

  /** The server sent more bytes than the reference names: not the file asked for. */
  public static final class Overlong extends IOException {
    Overlong(String message) {
      super(message);
    }
  }

  /**
   * A client for downloads from the hub: a connection within 10 s, redirects followed (a hub moved
   * behind a proxy), and the hub's certificate trusted when the station was given it.
   */
  public static HttpClient client(@Nullable SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL);
    if (tls != null) {
      builder.sslContext(tls);
    }
    return builder.build();
  }

  /**
   * What an attempt did.
   *
   * @param received bytes that came over the line in this attempt
   * @param resumedAt where the part was resumed, 0 when it started from the first byte
   * @param sha256 the SHA-256 of the whole part as it now is, computed while the bytes came (a
   *     resumed part's first bytes read back once), so a large file is not read a second time
   */
  public record Outcome(long received, long resumedAt, byte[] sha256) {}

  /**
   * Fetches the rest of {@code uri} into {@code part}.
   *
   * @param size the file's bytes as the reference names them, or -1 when unknown
   * @param timeout how long to wait for the answer's head, or null for no limit
   * @throws Overlong more bytes than {@code size} (the part is deleted)
   * @throws IOException a status other than 200 or 206, or a cut line
   */
  public static Outcome fetch(
      HttpClient http, URI uri, Path part, long size, @Nullable Duration timeout)
      throws IOException, InterruptedException {
    long have = Files.exists(part) ? Files.size(part) : 0;
    if (size >= 0 && have > size) {
      Files.delete(part);
      have = 0;
    }
    if (size >= 0 && have == size) {
      return new Outcome(0, have, sha256(part));
    }
    for (boolean again = true; ; again = false) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
      if (timeout != null) {
        request.timeout(timeout);
      }
      if (have > 0) {
        request.header("Range", "bytes=" + have + "-");
      }
      HttpResponse<InputStream> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      int status = answer.statusCode();
      boolean resumed = status == 206 && have > 0 && startsAt(answer, have);
      if (have > 0 && again && (status == 416 || (status == 206 && !resumed))) {
        // The part is not a beginning of what the server has now: start clean, once.
        answer.body().close();
        Files.deleteIfExists(part);
        have = 0;
        continue;
      }
      if (status != 200 && !resumed) {
        answer.body().close();
        throw new IOException(uri + " answered HTTP " + status);
      }
      long from = resumed ? have : 0;
      long limit = size < 0 ? Long.MAX_VALUE : size - from;
      MessageDigest digest = newDigest();
      if (resumed) {
        update(digest, part);
      }
      long received;
      try (InputStream in = answer.body();
          OutputStream out =
              Files.newOutputStream(
                  part,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
        received = copy(in, out, limit, digest);
      }
      if (received > limit) {
        Files.deleteIfExists(part);
        throw new Overlong(uri + " sent more than the " + size + " bytes its reference names");
      }
      return new Outcome(received, from, digest.digest());
    }
  }

  /** Whether a 206's Content-Range starts where the part ends (no header: assumed it does). */
  private static boolean startsAt(HttpResponse<?> answer, long have) {
    Optional<String> range = answer.headers().firstValue("Content-Range");
    if (range.isEmpty()) {
      return true;
    }
    Matcher m = CONTENT_RANGE.matcher(range.get().strip());
    return m.matches() && Long.parseLong(m.group(1)) == have;
  }

  /** Copies up to one byte past {@code limit}, so the caller sees an overlong answer. */
  private static long copy(InputStream in, OutputStream out, long limit, MessageDigest digest)
      throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      if (total + n > limit) {
        return limit + 1;
      }
      out.write(buffer, 0, n);
      digest.update(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /** The SHA-256 of a file's bytes, read in blocks (never the whole file in memory). */
  public static byte[] sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    update(digest, file);
    return digest.digest();
  }

  private static void update(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Puts a checked part in place under its final name: on the card first (a power cut after the
   * rename never leaves a named file short), then renamed atomically where the file system can.
   */
  public static void keep(Path part, Path target) throws IOException {
    try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
