package liaison.signage.player;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a station proves itself to the hub, and which hub it trusts.
 *
 * @param hubUrl the hub's web address, where a screen without credentials asks for an enrolment
 *     code ({@code /api/public/enrolments}); null: no enrolment (a test broker that admits anyone,
 *     or a {@code login} given outright)
 * @param trust a PEM file with the hub's certificate (or its authority), for {@code ssl://} and
 *     {@code https://} with a certificate no public authority signed; null: the JVM's usual trust
 * @param login credentials given outright (provisioning, tests); null: the ones enrolment stored
 * @param poll how often a waiting screen asks whether its code has been entered
 */
public record HubAccess(
    @Nullable URI hubUrl, @Nullable Path trust, @Nullable Login login, Duration poll) {

  /** No enrolment, no credentials, the JVM's trust: for a broker that admits anyone. */
  public static final HubAccess NONE = new HubAccess(null, null, null, Duration.ofSeconds(3));

  /** An MQTT user name and password. */
  public record Login(String username, String password) {
    public Login {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "Login[" + username + ", password hidden]";
    }
  }

  public HubAccess {
    Objects.requireNonNull(poll, "poll");
    if (hubUrl != null
        && !("http".equals(hubUrl.getScheme()) || "https".equals(hubUrl.getScheme()))) {
      throw new IllegalArgumentException(
          "the hub's address must start with http:// or https://, was '" + hubUrl + "'");
    }
  }

  /** True when a screen without credentials should ask the hub for an enrolment code. */
  public boolean enrols() {
    return hubUrl != null && login == null;
  }

  public HubAccess withHub(URI url) {
    return new HubAccess(url, trust, login, poll);
  }

  public HubAccess withTrust(@Nullable Path pem) {
    return new HubAccess(hubUrl, pem, login, poll);
  }

  public HubAccess withLogin(String username, String password) {
    return new HubAccess(hubUrl, trust, new Login(username, password), poll);
  }

  public HubAccess withPoll(Duration every) {
    return new HubAccess(hubUrl, trust, login, every);
  }
}
