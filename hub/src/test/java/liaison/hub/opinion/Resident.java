package liaison.hub.opinion;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;

/**
 * A resident's phone against a running hub: multipart forms as a browser sends them, from a given
 * address.
 */
public final class Resident {
  private static final Pattern CODE = Pattern.compile("/t/([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})");
  private final RunningHub hub;
  private final String ip;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  public Resident(RunningHub hub, String ip) {
    this.hub = hub;
    this.ip = ip;
  }

  /** A field: text, or a file when {@code filename} is not null. */
  public record Field(String name, byte[] value, String filename) {
    public static Field text(String name, String value) {
      return new Field(name, value.getBytes(StandardCharsets.UTF_8), null);
    }

    public static Field raw(String name, byte[] value) {
      return new Field(name, value, null);
    }

    public static Field file(String name, String filename, byte[] value) {
      return new Field(name, value, filename);
    }
  }

  public HttpResponse<String> submit(String token, List<Field> fields) {
    return submitTo("/o/" + token, fields);
  }

  /** Sends a residents' multipart form to a path ({@code /l/<token>}: a livelihood proposal). */
  public HttpResponse<String> submitTo(String path, List<Field> fields) {
    String boundary = "----resident" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Field f : fields) {
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + f.name()
              + "\""
              + (f.filename() == null
                  ? ""
                  : "; filename=\"" + f.filename() + "\"\r\nContent-Type: application/octet-stream")
              + "\r\n\r\n";
      body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
      body.writeBytes(f.value());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(hub.url(path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * Sends the opinion form as the page's script does when no photo is chosen: a plain form body
   * ({@code application/x-www-form-urlencoded}), each field's bytes percent-encoded as they are.
   */
  public HttpResponse<String> submitPlain(String token, List<Field> fields) {
    StringBuilder body = new StringBuilder();
    for (Field f : fields) {
      if (f.filename() != null) {
        throw new IllegalArgumentException("a plain form carries no file: " + f.name());
      }
      body.append(body.isEmpty() ? "" : "&").append(f.name()).append('=');
      for (byte b : f.value()) {
        char c = (char) (b & 0xff);
        if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._*".indexOf(c) >= 0)) {
          body.append(c);
        } else {
          body.append('%').append(String.format("%02X", b & 0xff));
        }
      }
    }
    return submitPlain(token, body.toString());
  }

  /** Sends {@code body} as it is, a plain form body, to the opinion form of {@code token}. */
  public HttpResponse<String> submitPlain(String token, String body) {
    return send(
        HttpRequest.newBuilder(hub.url("/o/" + token))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> rate(String code, String rating, String comment) {
    String body =
        "rating="
            + URLEncoder.encode(rating, StandardCharsets.UTF_8)
            + "&comment="
            + URLEncoder.encode(comment, StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(hub.url("/t/" + code + "/rating"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(hub.url(path)).GET());
  }

  /** The tracking code of a successful submission's redirect. */
  public static String code(HttpResponse<String> answer) {
    String location =
        answer
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no redirect: " + answer.statusCode() + " " + answer.body()));
    Matcher m = CODE.matcher(location);
    if (!m.find()) {
      throw new AssertionError("no tracking code in " + location);
    }
    return m.group(1);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(
          request.header("X-Forwarded-For", ip).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A small PNG, like a phone's photo of a broken street lamp only smaller. */
  public static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(70, 110, 160));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(240, 200, 60));
    g.fillOval(width / 3, height / 4, width / 3, width / 3);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Map<String, String> none() {
    return Map.of();
  }
}
