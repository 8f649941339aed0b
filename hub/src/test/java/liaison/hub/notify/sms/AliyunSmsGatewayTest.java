package liaison.hub.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.config.AliyunSmsConfig;
import liaison.hub.notify.Delivery;
import liaison.hub.notify.SmsGateway;
import liaison.hub.notify.SmsMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The Alibaba Cloud SMS channel against a local stand-in that checks every request's parameters and
 * recomputes its signature from the documentation, and answers as the provider does; and the
 * signature against the documentation's own worked example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliyunSmsGatewayTest {
  private static final Instant NOW = Instant.parse("2026-12-05T02:30:15Z");
  private static final Map<String, String> TEMPLATES =
      Map.of(
          "case-answered", "SMS_470001",
          "booking-confirmed", "SMS_470002",
          "booking-cancelled", "SMS_470003");

  private AliyunStandIn provider;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeAll
  void start() throws Exception {
    provider = new AliyunStandIn();
    log.start();
    ((Logger) LoggerFactory.getLogger(AliyunSmsGateway.class)).addAppender(log);
  }

  @AfterAll
  void stop() {
    ((Logger) LoggerFactory.getLogger(AliyunSmsGateway.class)).detachAppender(log);
    provider.close();
  }

  private AliyunSmsGateway gateway(String secret) {
    return new AliyunSmsGateway(
        new AliyunSmsConfig(
            provider.endpoint(),
            AliyunStandIn.KEY_ID,
            secret,
            "青溪县人大",
            TEMPLATES,
            Duration.ofSeconds(2)),
        Clock.fixed(NOW, ZoneId.of("Asia/Shanghai")));
  }

  private static SmsMessage answered(String phone) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", "QX7K-M2PD");
    params.put("link", "https://hub.test/t/QX7K-M2PD");
    return new SmsMessage(phone, "case-answered", params);
  }

  @Test
  void shouldBeTheHubsSmsChannelWhenConfiguredSo(@TempDir Path dir) {
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("hub.notify.sms.channel", "aliyun");
    settings.put("hub.notify.sms.aliyun.endpoint", provider.endpoint());
    settings.put("hub.notify.sms.aliyun.access-key-id", AliyunStandIn.KEY_ID);
    settings.put("hub.notify.sms.aliyun.access-key-secret", AliyunStandIn.SECRET);
    settings.put("hub.notify.sms.aliyun.sign-name", "青溪县人大");
    settings.put("hub.notify.sms.aliyun.templates.case-answered", "SMS_470001");
    settings.put("hub.notify.sms.aliyun.templates.booking-confirmed", "SMS_470002");
    int before = provider.received.size();

    try (RunningHub hub = RunningHub.start(dir, settings)) {
      Delivery delivery = hub.bean(SmsGateway.class).send(answered(AliyunStandIn.OK));

      assertThat(delivery).isEqualTo(new Delivery.Sent(AliyunStandIn.BIZ_ID));
      assertThat(provider.received.get(before)).containsEntry("TemplateCode", "SMS_470001");
      assertThat(hub.bean(AliyunSmsConfig.class).toString()).doesNotContain(AliyunStandIn.SECRET);
    }
  }

  @Test
  void shouldSignAsTheDocumentationsWorkedExampleDoes() {
    // https://help.aliyun.com/en/cmn/developer-reference/signature-mechanism: DescribeRegions with
    // AccessKey testid / testsecret gives CT9X0VtwR86fNWSnsc6v8YGOjuE=.
    Map<String, String> example = new LinkedHashMap<>();
    example.put("TimeStamp", "2016-02-23T12:46:24Z");
    example.put("Format", "XML");
    example.put("AccessKeyId", "testid");
    example.put("Action", "DescribeRegions");
    example.put("SignatureMethod", "HMAC-SHA1");
    example.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
    example.put("Version", "2014-05-26");
    example.put("SignatureVersion", "1.0");

    assertThat(RpcSignature.stringToSign("GET", example))
        .isEqualTo(
            "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z"
                + "%26Version%3D2014-05-26");
    assertThat(RpcSignature.sign("GET", example, "testsecret"))
        .isEqualTo("CT9X0VtwR86fNWSnsc6v8YGOjuE=");
    assertThat(RpcSignature.percentEncode("a b*c~d\"东")).isEqualTo("a%20b%2Ac~d%22%E4%B8%9C");
  }

  @Test
  void shouldSendASignedRequestTheProviderAccepts() throws Exception {
    int before = provider.received.size();
    int refusedBefore = provider.refusals.size();

    Delivery delivery = gateway(AliyunStandIn.SECRET).send(answered(AliyunStandIn.OK));

    assertThat(provider.refusals).hasSize(refusedBefore);
    assertThat(delivery).isEqualTo(new Delivery.Sent(AliyunStandIn.BIZ_ID));
    Map<String, String> request = provider.received.get(before);
    assertThat(request)
        .containsEntry("PhoneNumbers", AliyunStandIn.OK)
        .containsEntry("SignName", "青溪县人大")
        .containsEntry("TemplateCode", "SMS_470001")
        .containsEntry("Timestamp", "2026-12-05T02:30:15Z");
    assertThat(new ObjectMapper().readValue(request.get("TemplateParam"), Map.class))
        .isEqualTo(Map.of("code", "QX7K-M2PD", "link", "https://hub.test/t/QX7K-M2PD"));
  }

  @Test
  void shouldGiveUpOnANumberTheProviderRefuses() {
    Delivery delivery = gateway(AliyunStandIn.SECRET).send(answered(AliyunStandIn.ILLEGAL));

    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    Delivery.Failed failed = (Delivery.Failed) delivery;
    assertThat(failed.retry()).isFalse();
    assertThat(failed.reason()).contains("非法手机号").contains("isv.MOBILE_NUMBER_ILLEGAL");
  }

  @Test
  void shouldRetryWhenThrottledBrokenOrSilent() {
    AliyunSmsGateway gateway = gateway(AliyunStandIn.SECRET);

    Delivery.Failed throttled = (Delivery.Failed) gateway.send(answered(AliyunStandIn.THROTTLED));
    Delivery.Failed broken = (Delivery.Failed) gateway.send(answered(AliyunStandIn.BROKEN));
    Delivery.Failed silent = (Delivery.Failed) gateway.send(answered(AliyunStandIn.HANGS));

    assertThat(throttled.retry()).isTrue();
    assertThat(throttled.reason()).contains("isv.BUSINESS_LIMIT_CONTROL");
    assertThat(broken.retry()).isTrue();
    assertThat(broken.reason()).contains("HTTP 500");
    assertThat(silent.retry()).isTrue();
    assertThat(silent.reason()).contains("2 秒内没有应答").contains("did not answer within 2 s");
  }

  @Test
  void shouldGiveUpWhenTheSignatureIsWrongAndNeverLogTheSecretOrThePhone() {
    Delivery delivery = gateway("not-the-secret").send(answered(AliyunStandIn.OK));

    assertThat(provider.refusals).contains("signature");
    assertThat(delivery).isInstanceOf(Delivery.Failed.class);
    assertThat(((Delivery.Failed) delivery).retry()).isFalse();
    assertThat(((Delivery.Failed) delivery).reason()).contains("SignatureDoesNotMatch");
    assertThat(log.list).isNotEmpty();
    assertThat(log.list)
        .allSatisfy(
            e ->
                assertThat(e.getFormattedMessage())
                    .doesNotContain(AliyunStandIn.OK)
                    .doesNotContain("not-the-secret")
                    .doesNotContain(AliyunStandIn.SECRET)
                    .doesNotContain("Signature="));
  }

  @Test
  void shouldRefuseWithoutCallingAnUnknownTemplateOrANumberThatIsNoMobile() {
    AliyunSmsGateway gateway = gateway(AliyunStandIn.SECRET);
    int before = provider.received.size();

    Delivery.Failed template =
        (Delivery.Failed) gateway.send(new SmsMessage(AliyunStandIn.OK, "case-reopened", Map.of()));
    Delivery.Failed landline =
        (Delivery.Failed) gateway.send(new SmsMessage("07715560101", "case-answered", Map.of()));

    assertThat(provider.received).hasSize(before);
    assertThat(template.retry()).isFalse();
    assertThat(template.reason()).contains("case-reopened");
    assertThat(landline.retry()).isFalse();
    assertThat(landline.reason()).doesNotContain("07715560101");
  }
}
