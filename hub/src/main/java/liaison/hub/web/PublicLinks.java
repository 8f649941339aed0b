package liaison.hub.web;

import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import liaison.hub.config.HubConfig;
import liaison.hub.config.TlsConfig;

/**
 * The addresses residents reach from a station's QR codes. With no public URL configured, the hub
 * uses this machine's LAN address, so a phone on the same network can open the demo's codes.
 */
@Singleton
public class PublicLinks {
  private final String base;

  public PublicLinks(HubConfig config, TlsConfig tls) {
    String configured = config.publicUrl() == null ? "" : config.publicUrl().strip();
    // With TLS the network is served over HTTPS; plain HTTP stays on this machine.
    this.base =
        !configured.isEmpty()
            ? configured.replaceAll("/+$", "")
            : tls.enabled()
                ? "https://" + lanAddress().orElse("127.0.0.1") + ":" + tls.httpsPort()
                : "http://" + lanAddress().orElse("127.0.0.1") + ":" + config.httpPort();
  }

  public String base() {
    return base;
  }

  public String opinion(String token) {
    return base + "/o/" + token;
  }

  public String booking(String token) {
    return base + "/b/" + token;
  }

  /** The station's 民生实事 proposal form, the code on its LIVELIHOOD board. */
  public String livelihood(String token) {
    return base + "/l/" + token;
  }

  /** A forwarded case on the department's own page (signed in with the department's account). */
  public String departmentCase(String caseId) {
    return base + "/dept/cases/" + caseId;
  }

  /**
   * Where a station's sign-in QR code sends a deputy's phone ({@code ?r={reception}&c={code}} is
   * added by the screen): their own pages, signed in with their account.
   */
  public String signIn() {
    return base + "/me/sign-in";
  }

  public String photoBase() {
    return base + "/photos/";
  }

  /** A private (site-local) IPv4 address if there is one, else any other non-loopback IPv4. */
  static Optional<String> lanAddress() {
    Optional<String> other = Optional.empty();
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) {
          continue;
        }
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (!(address instanceof Inet4Address) || address.isLinkLocalAddress()) {
            continue;
          }
          if (address.isSiteLocalAddress()) {
            return Optional.of(address.getHostAddress());
          }
          if (other.isEmpty()) {
            other = Optional.of(address.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      return Optional.empty();
    }
    return other;
  }
}
