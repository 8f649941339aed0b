package liaison.hub.software;

import jakarta.inject.Singleton;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.BundleSignature;

/**
 * The hub's Ed25519 key pair for station bundles ({@code hub_signing_key}): made by the first hub
 * that needs it and kept in the database, so every hub of a county signs alike and a backup carries
 * it. Two hubs making one at the same moment both keep the row written first.
 */
@Singleton
public class SigningKey {
  private static final String ALGORITHM = BundleSignature.ALGORITHM;
  private static final String ROW = "bundles";

  private final Database database;
  private final Clock clock;
  private volatile KeyPair pair;

  public SigningKey(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The base64 signature of these bytes. */
  public String sign(byte[] data) {
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(pair().getPrivate());
      signer.update(data);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the hub's key", e);
    }
  }

  /** The public key as a PEM block, as a station keeps it. */
  public String publicPem() {
    return BundleSignature.pem(pair().getPublic());
  }

  public PublicKey publicKey() {
    return pair().getPublic();
  }

  private KeyPair pair() {
    KeyPair known = pair;
    if (known == null) {
      known = loadOrMake();
      pair = known;
    }
    return known;
  }

  private KeyPair loadOrMake() {
    try {
      KeyPair fresh = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      var encoder = Base64.getEncoder();
      return database.inTransaction(
          h -> {
            // Only where none is: a key another hub wrote meanwhile stays, and this one is dropped.
            h.createUpdate(
                    """
                    INSERT INTO hub_signing_key (id, algorithm, public_key, private_key, created_at)
                    VALUES (:id, :algorithm, :public, :private, :at)
                    ON CONFLICT (id) DO NOTHING
                    """)
                .bind("id", ROW)
                .bind("algorithm", ALGORITHM)
                .bind("public", encoder.encodeToString(fresh.getPublic().getEncoded()))
                .bind("private", encoder.encodeToString(fresh.getPrivate().getEncoded()))
                .bind("at", Sql.instant(OffsetDateTime.now(clock)))
                .execute();
            return h.createQuery(
                    "SELECT public_key, private_key FROM hub_signing_key WHERE id = :id")
                .bind("id", ROW)
                .map((rs, ctx) -> decode(rs.getString(1), rs.getString(2)))
                .one();
          });
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no " + ALGORITHM, e);
    }
  }

  private static KeyPair decode(String publicKey, String privateKey) {
    try {
      KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
      var decoder = Base64.getDecoder();
      PublicKey pub = keys.generatePublic(new X509EncodedKeySpec(decoder.decode(publicKey)));
      PrivateKey priv = keys.generatePrivate(new PKCS8EncodedKeySpec(decoder.decode(privateKey)));
      return new KeyPair(pub, priv);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the hub's signing key in the database is damaged", e);
    }
  }
}
