package liaison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate made by the JDK's own {@code keytool} for a test's TLS server, valid for {@code
 * localhost}, 127.0.0.1 and 127.0.0.2: the server's key in a PKCS#12 file, the certificate alone in
 * a PEM file for the clients that are to trust it.
 *
 * @param keystore the PKCS#12 file with the key and the certificate
 * @param pem the certificate, PEM
 * @param password the keystore's and the key's
 */
public record SelfSignedCertificate(Path keystore, Path pem, String password) {

  /** Makes {@code name.p12} and {@code name.pem} in {@code dir}. */
  public static SelfSignedCertificate make(Path dir, String name, String password) {
    Path keystore = dir.resolve(name + ".p12");
    Path pem = dir.resolve(name + ".pem");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-validity",
        "30",
        "-dname",
        "CN=" + name + ".test, O=Liaison test",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1,ip:127.0.0.2",
        "-keystore",
        keystore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password,
        "-keypass",
        password);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        name,
        "-keystore",
        keystore.toString(),
        "-storepass",
        password,
        "-file",
        pem.toString());
    return new SelfSignedCertificate(keystore, pem, password);
  }

  /** TLS for the server that holds this certificate's key. */
  public SSLContext serverContext() {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot use the test keystore " + keystore, e);
    }
  }

  private static void keytool(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run keytool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while keytool ran", e);
    }
  }
}
