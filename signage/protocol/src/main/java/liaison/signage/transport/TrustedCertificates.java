package liaison.signage.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts the hub's own certificate (or the authority that signed it), read from a PEM
 * file, for a hub whose certificate no public authority signed (a county's own, or self-signed).
 * The host name is still checked against the certificate.
 */
public final class TrustedCertificates {
  private TrustedCertificates() {}

  /**
   * An SSL context trusting exactly the certificates in the PEM file.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read or holds no certificate
   */
  public static SSLContext context(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException(
            "no certificate in " + pem + "; expected the hub's certificate in PEM form");
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trust.setCertificateEntry("hub-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the trusted certificate file " + pem + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "cannot use "
              + pem
              + " as the hub's certificate (expected PEM, -----BEGIN CERTIFICATE-----): "
              + e.getMessage(),
          e);
    }
  }
}
