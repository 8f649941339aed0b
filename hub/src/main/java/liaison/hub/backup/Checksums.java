package liaison.hub.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stream's size and SHA-256, taken as it is copied (into the backup file, or out of it). */
record Checksums(long size, String sha256) {

  static Checksums copy(InputStream in, OutputStream out) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      sha256.update(buffer, 0, n);
      out.write(buffer, 0, n);
      size += n;
    }
    return new Checksums(size, HexFormat.of().formatHex(sha256.digest()));
  }

  boolean matches(Manifest.Entry entry) {
    return size == entry.size() && sha256.equals(entry.sha256());
  }
}
