package liaison.signage.player.command;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import liaison.signage.player.download.LazyHttpClient;

/**
 * Sends a screenshot to the hub over HTTP (never inside MQTT): a PUT of the PNG to the address the
 * command names, with the command's one-time token. Returns the PNG's SHA-256.
 */
final class ScreenshotUpload {
  static final String TOKEN_HEADER = "X-Upload-Token";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final LazyHttpClient http;

  /**
   * @param tls trusting the hub's certificate ({@code --trust}); null: the JVM's trust
   */
  ScreenshotUpload(javax.net.ssl.@org.jspecify.annotations.Nullable SSLContext tls) {
    this.http =
        new LazyHttpClient(
            () -> {
              HttpClient.Builder builder =
                  HttpClient.newBuilder()
                      .connectTimeout(Duration.ofSeconds(10))
                      .followRedirects(HttpClient.Redirect.NEVER);
              if (tls != null) {
                builder.sslContext(tls);
              }
              return builder.build();
            });
  }

  String upload(String url, String token, byte[] png) throws IOException, InterruptedException {
    URI target;
    try {
      target = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IOException("upload address '" + url + "' is not a URL");
    }
    if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme())) {
      throw new IOException("upload address '" + url + "' is not http or https; not sent");
    }
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(TIMEOUT)
            .header("Content-Type", "image/png")
            .header(TOKEN_HEADER, token)
            .PUT(HttpRequest.BodyPublishers.ofByteArray(png))
            .build();
    HttpResponse<String> answer = http.get().send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() / 100 != 2) {
      String body = answer.body() == null ? "" : answer.body();
      throw new IOException(
          "the hub refused the screenshot with HTTP "
              + answer.statusCode()
              + ": "
              + body.substring(0, Math.min(300, body.length())));
    }
    return sha256(png);
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
