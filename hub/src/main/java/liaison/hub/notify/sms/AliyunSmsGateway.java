package liaison.hub.notify.sms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import liaison.hub.config.AliyunSmsConfig;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.SmsGateway;
import liaison.hub.notify.SmsMessage;
import liaison.hub.text.Masks;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS through Alibaba Cloud SMS (阿里云短信服务): the RPC-style {@code SendSms} action of the Dysmsapi,
 * version 2017-05-25
 * (https://help.aliyun.com/zh/sms/developer-reference/api-dysmsapi-2017-05-25-sendsms), a signed
 * GET ({@link RpcSignature}) with the sign name, the template's code and its parameters as JSON.
 * What the provider answers becomes a {@link Delivery}: {@code OK} is sent (its BizId kept as the
 * reference); flow control, the provider's own faults, a 5xx, a timeout or no network are worth
 * retrying; a refused number, template, sign name or key is final. The log shows the phone masked
 * and never the secret nor the signed address.
 */
@Singleton
@Requires(property = "hub.notify.sms.channel", value = "aliyun")
public class AliyunSmsGateway implements SmsGateway {
  private static final Logger LOG = LoggerFactory.getLogger(AliyunSmsGateway.class);

  /** A mainland mobile number, as the provider takes it without a country code. */
  private static final Pattern MOBILE = Pattern.compile("1\\d{10}");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  /**
   * Codes worth another try later: flow control (per number per minute/hour/day, per account), the
   * provider's system faults, an account that ran out of credit until it is topped up.
   */
  private static final Set<String> RETRY =
      Set.of(
          "isv.BUSINESS_LIMIT_CONTROL",
          "isv.DAY_LIMIT_CONTROL",
          "isv.AMOUNT_NOT_ENOUGH",
          "isv.OUT_OF_SERVICE",
          "isp.SYSTEM_ERROR",
          "SignatureNonceUsed",
          "ServiceUnavailable",
          "InternalError");

  private final AliyunSmsConfig config;
  private final Clock clock;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public AliyunSmsGateway(AliyunSmsConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public Delivery send(SmsMessage message) {
    String shown = Masks.phone(message.phone());
    String code = config.templates().get(message.template());
    if (code == null || code.isBlank()) {
      return failed(shown, message, Text.of("sms.failed.no-template", message.template()), false);
    }
    if (!MOBILE.matcher(message.phone()).matches()) {
      return failed(shown, message, Text.of("sms.failed.not-mobile", shown), false);
    }
    String query = signedQuery(message, code);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(config.endpoint() + "?" + query))
            .timeout(config.timeout())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      return failed(
          shown, message, Text.of("sms.failed.timeout", config.timeout().toSeconds()), true);
    } catch (IOException e) {
      return failed(shown, message, Text.of("sms.failed.unreachable"), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(shown, message, Text.of("sms.failed.unreachable"), true);
    }
    return answered(shown, message, answer);
  }

  private Delivery answered(String shown, SmsMessage message, HttpResponse<String> answer) {
    JsonNode body;
    try {
      body = json.readTree(answer.body());
    } catch (JsonProcessingException e) {
      body = json.nullNode();
    }
    String code = body.path("Code").asText("");
    if (answer.statusCode() == 200 && code.equals("OK")) {
      String reference = body.path("BizId").asText(body.path("RequestId").asText(""));
      LOG.info("SMS {} to {} accepted by Alibaba Cloud ({})", message.template(), shown, reference);
      return new Delivery.Sent(reference);
    }
    if (code.isEmpty()) {
      // No answer of the API's (a proxy's error page, a 5xx): the provider may be back later.
      return failed(
          shown,
          message,
          Text.of("sms.failed.status", answer.statusCode()),
          answer.statusCode() >= 500 || answer.statusCode() == 429);
    }
    String said = body.path("Message").asText("");
    said = said.length() > 120 ? said.substring(0, 120) + "…" : said;
    boolean retry =
        RETRY.contains(code) || code.startsWith("Throttling") || answer.statusCode() >= 500;
    return failed(shown, message, Text.of("sms.failed.refused", said, code), retry);
  }

  private static Delivery failed(String shown, SmsMessage message, Text reason, boolean retry) {
    String readable = reason.both(" / ");
    LOG.warn(
        "SMS {} to {} not sent{}: {}",
        message.template(),
        shown,
        retry ? " (will be retried)" : "",
        reason.en());
    return new Delivery.Failed(readable, retry);
  }

  /** The request's parameters, signed; the query string to send. */
  String signedQuery(SmsMessage message, String templateCode) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("AccessKeyId", config.accessKeyId());
    parameters.put("Action", "SendSms");
    parameters.put("Format", "JSON");
    parameters.put("PhoneNumbers", message.phone());
    parameters.put("RegionId", "cn-hangzhou");
    parameters.put("SignName", config.signName());
    parameters.put("SignatureMethod", "HMAC-SHA1");
    parameters.put("SignatureNonce", UUID.randomUUID().toString());
    parameters.put("SignatureVersion", "1.0");
    parameters.put("TemplateCode", templateCode);
    parameters.put("TemplateParam", templateParam(message.params()));
    parameters.put(
        "Timestamp", TIMESTAMP.format(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)));
    parameters.put("Version", "2017-05-25");
    String signature = RpcSignature.sign("GET", parameters, config.accessKeySecret());
    return "Signature="
        + RpcSignature.percentEncode(signature)
        + "&"
        + RpcSignature.canonicalQuery(parameters);
  }

  private String templateParam(Map<String, String> params) {
    try {
      return json.writeValueAsString(new TreeMap<>(params));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings is always JSON", e);
    }
  }
}
