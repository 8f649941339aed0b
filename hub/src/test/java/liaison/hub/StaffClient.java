package liaison.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A staff member's browser or script against a running hub: a cookie jar for the admin's pages,
 * HTTP Basic for the API. Never follows redirects, so tests see them.
 */
public final class StaffClient {
  private static final Pattern CSRF = Pattern.compile("[?&;]_csrf=([A-Za-z0-9_-]+)");

  private final RunningHub hub;
  private final String username;
  private final String password;
  private final HttpClient http;

  private StaffClient(RunningHub hub, String username, String password) {
    this.hub = hub;
    this.username = username;
    this.password = password;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public static StaffClient anonymous(RunningHub hub) {
    return new StaffClient(hub, "", "");
  }

  /** Logs in through the form, as a browser does. */
  public static StaffClient loggedIn(RunningHub hub, String username, String password) {
    StaffClient client = new StaffClient(hub, username, password);
    HttpResponse<String> answer =
        client.postForm(
            "/login", List.of(Map.entry("username", username), Map.entry("password", password)));
    if (answer.statusCode() != 303) {
      throw new IllegalStateException("log-in as " + username + " answered " + answer.statusCode());
    }
    return client;
  }

  /** A client that only signs API calls with HTTP Basic (no session). */
  public static StaffClient basic(RunningHub hub, String username, String password) {
    return new StaffClient(hub, username, password);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(hub.url(path)).GET());
  }

  /** The CSRF token the admin's pages carry for this session. */
  public String csrf() {
    return csrf("/admin");
  }

  /** The CSRF token a page carries for this session (a department's account: its inbox). */
  public String csrf(String page) {
    Matcher m = CSRF.matcher(get(page).body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on " + page + ": not logged in?");
    }
    return m.group(1);
  }

  /** A file of a multipart form. */
  public record FilePart(String field, String filename, String contentType, byte[] content) {}

  /**
   * Submits a multipart form as the browser does (text fields, then files), the CSRF token in the
   * address.
   */
  public HttpResponse<String> multipart(
      String path, String csrf, Map<String, String> fields, List<FilePart> files) {
    String boundary = "----liaison" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    for (FilePart file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + file.field()
                  + "\"; filename=\""
                  + file.filename()
                  + "\"\r\nContent-Type: "
                  + file.contentType()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file.content());
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String sep = path.contains("?") ? "&" : "?";
    return send(
        HttpRequest.newBuilder(
                hub.url(path + sep + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /**
   * Submits an admin form as the browser does: the page's CSRF token rides in the form's address,
   * the fields in the body.
   */
  public HttpResponse<String> submit(
      String path, String csrf, List<Map.Entry<String, String>> fields) {
    String sep = path.contains("?") ? "&" : "?";
    return postForm(
        path + sep + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), fields);
  }

  public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) {
    return send(form(path, fields));
  }

  /** As {@link #submit}, the answer kept as bytes: a form whose answer is a download (a PDF). */
  public HttpResponse<byte[]> submitForBytes(
      String path, String csrf, List<Map.Entry<String, String>> fields) {
    String sep = path.contains("?") ? "&" : "?";
    return bytes(
        form(path + sep + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), fields));
  }

  private HttpRequest.Builder form(String path, List<Map.Entry<String, String>> fields) {
    String body =
        fields.stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return HttpRequest.newBuilder(hub.url(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  /**
   * Uploads a file through an admin form ({@code multipart/form-data}), the CSRF token in the
   * address as the browser sends it.
   */
  public HttpResponse<String> upload(
      String path, String csrf, String field, String filename, byte[] content) {
    String boundary = "----liaison" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + filename
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String sep = path.contains("?") ? "&" : "?";
    return send(
        HttpRequest.newBuilder(
                hub.url(path + sep + "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** Sends raw bytes to the API with HTTP Basic, e.g. a CSV file. */
  public HttpResponse<String> apiBytes(
      String method, String path, String contentType, byte[] content) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hub.url(path))
            .header("Accept", "application/json")
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(content));
    if (!username.isEmpty()) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return send(request);
  }

  /** Downloads with HTTP Basic, as bytes (a CSV export). */
  public HttpResponse<byte[]> download(String path) {
    return bytes(HttpRequest.newBuilder(hub.url(path)).GET());
  }

  /** Posts without a body, with HTTP Basic, the answer as bytes (a PDF made on request). */
  public HttpResponse<byte[]> postForBytes(String path) {
    return bytes(HttpRequest.newBuilder(hub.url(path)).POST(HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<byte[]> bytes(HttpRequest.Builder request) {
    if (!username.isEmpty()) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public HttpResponse<String> api(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(hub.url(path))
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (!username.isEmpty()) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    return send(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The API's per-field errors of a 422 answer: field → message (several joined with " | "). */
  public static Map<String, String> fieldErrors(HttpResponse<String> answer) {
    Map<String, String> byField = new java.util.LinkedHashMap<>();
    try {
      for (com.fasterxml.jackson.databind.JsonNode e :
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(answer.body())
              .path("errors")) {
        byField.merge(
            e.path("field").asText(), e.path("message").asText(), (a, b) -> a + " | " + b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a JSON error answer: " + answer.body(), e);
    }
    return byField;
  }

  public URI url(String path) {
    return hub.url(path);
  }
}
