package liaison.hub.notify.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Alibaba Cloud SMS's SendSms: it checks each request as the provider does,
 * recomputing the signature from what it received with its own reading of the documented algorithm
 * (not the hub's signer), and answers by the phone number as the provider would.
 *
 * <ul>
 *   <li>{@link #OK}: accepted, with a BizId
 *   <li>{@link #ILLEGAL}: {@code isv.MOBILE_NUMBER_ILLEGAL}
 *   <li>{@link #THROTTLED}: {@code isv.BUSINESS_LIMIT_CONTROL} (flow control)
 *   <li>{@link #BROKEN}: HTTP 500 with an HTML page
 *   <li>{@link #HANGS}: no answer until the stand-in is closed
 * </ul>
 */
final class AliyunStandIn implements AutoCloseable {
  static final String OK = "13800000000";
  static final String ILLEGAL = "13800000001";
  static final String THROTTLED = "13800000002";
  static final String BROKEN = "13800000003";
  static final String HANGS = "13800000004";

  static final String KEY_ID = "LTAI5tStandInKeyId";
  static final String SECRET = "stand-in-secret/+=~*";
  static final String BIZ_ID = "900619746936498440^0";

  private final HttpServer server;
  private final ObjectMapper json = new ObjectMapper();
  private final CountDownLatch released = new CountDownLatch(1);
  private final Set<String> nonces = ConcurrentHashMap.newKeySet();

  /** What each request carried (decoded), and why the stand-in refused it, if it did. */
  final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

  final List<String> refusals = new CopyOnWriteArrayList<>();

  AliyunStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String raw = exchange.getRequestURI().getRawQuery();
      Map<String, String> parameters = new TreeMap<>();
      String signature = null;
      List<String> problems = new ArrayList<>();
      if (!exchange.getRequestMethod().equals("GET") || raw == null) {
        problems.add("not a GET with a query");
        raw = "";
      }
      if (raw.contains("+")) {
        problems.add("a + in the query: spaces must be %20");
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq < 0) {
          continue;
        }
        String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (name.equals("Signature")) {
          signature = value;
        } else {
          parameters.put(name, value);
        }
      }
      received.add(Map.copyOf(parameters));
      expect(problems, parameters, "Action", "SendSms");
      expect(problems, parameters, "Version", "2017-05-25");
      expect(problems, parameters, "Format", "JSON");
      expect(problems, parameters, "SignatureMethod", "HMAC-SHA1");
      expect(problems, parameters, "SignatureVersion", "1.0");
      expect(problems, parameters, "RegionId", "cn-hangzhou");
      for (String required :
          List.of(
              "AccessKeyId",
              "PhoneNumbers",
              "SignName",
              "TemplateCode",
              "TemplateParam",
              "SignatureNonce",
              "Timestamp")) {
        if (parameters.getOrDefault(required, "").isEmpty()) {
          problems.add("missing " + required);
        }
      }
      if (!parameters
          .getOrDefault("Timestamp", "")
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")) {
        problems.add("Timestamp not ISO 8601 UTC: " + parameters.get("Timestamp"));
      }
      if (!nonces.add(parameters.getOrDefault("SignatureNonce", ""))) {
        answer(exchange, 400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        return;
      }
      try {
        json.readTree(parameters.getOrDefault("TemplateParam", ""));
      } catch (IOException e) {
        problems.add("TemplateParam is not JSON");
      }
      if (!problems.isEmpty()) {
        refusals.addAll(problems);
        answer(exchange, 400, "MissingParameter", String.join("; ", problems));
        return;
      }
      if (!KEY_ID.equals(parameters.get("AccessKeyId"))) {
        refusals.add("unknown key");
        answer(exchange, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        return;
      }
      if (signature == null || !signature.equals(expectedSignature(parameters))) {
        refusals.add("signature");
        answer(
            exchange,
            400,
            "SignatureDoesNotMatch",
            "Specified signature is not matched with our calculation.");
        return;
      }
      switch (parameters.get("PhoneNumbers")) {
        case ILLEGAL -> answer(exchange, 200, "isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        case THROTTLED -> answer(exchange, 200, "isv.BUSINESS_LIMIT_CONTROL", "触发号码天级流控Permits:10");
        case BROKEN -> {
          byte[] page =
              "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(500, page.length);
          exchange.getResponseBody().write(page);
        }
        case HANGS -> {
          try {
            released.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        default -> answer(exchange, 200, "OK", "OK");
      }
    }
  }

  private static void expect(
      List<String> problems, Map<String, String> parameters, String name, String value) {
    if (!value.equals(parameters.get(name))) {
      problems.add(name + " should be " + value + ", was " + parameters.get(name));
    }
  }

  private void answer(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    Map<String, String> body = new TreeMap<>();
    body.put("Code", code);
    body.put("Message", message);
    body.put("RequestId", "F655A8D5-B967-440B-8683-DAD6FF8DE990");
    if (code.equals("OK")) {
      body.put("BizId", BIZ_ID);
    }
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * The documented algorithm, step by step: sort by name; encode each name and value byte by byte
   * (unreserved characters kept, every other byte as %XX in capitals); join with = and &; prefix
   * "GET&%2F&" and encode the query once more; HMAC-SHA1 keyed with the secret and "&"; Base64.
   */
  static String expectedSignature(Map<String, String> parameters) {
    StringBuilder query = new StringBuilder();
    for (String name : new TreeMap<>(parameters).keySet()) {
      if (!query.isEmpty()) {
        query.append('&');
      }
      query.append(encode(name)).append('=').append(encode(parameters.get(name)));
    }
    String toSign = "GET&" + encode("/") + "&" + encode(query.toString());
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((SECRET + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
  }
}
