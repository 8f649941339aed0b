package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.Map;

/**
 * Alibaba Cloud SMS (阿里云短信服务), used when {@code hub.notify.sms.channel} is {@code aliyun} ({@code
 * hub.notify.sms.aliyun.*}). The sign name and every template are approved in the provider's
 * console first; docs/NOTIFICATIONS.md, "SMS".
 *
 * @param endpoint the provider's address (a local stand-in in the tests)
 * @param accessKeyId the RAM user's AccessKey ID (a user allowed dysms:SendSms only)
 * @param accessKeySecret its secret: never logged, never shown
 * @param signName the approved sign name, shown as 【…】 before every message
 * @param templates the hub's template names ({@code case-answered}, {@code booking-confirmed},
 *     {@code booking-cancelled}) to the approved template codes ({@code SMS_…})
 * @param timeout how long one request may take, connecting included
 */
@ConfigurationProperties("hub.notify.sms.aliyun")
public record AliyunSmsConfig(
    @Bindable(defaultValue = "https://dysmsapi.aliyuncs.com/") String endpoint,
    @Bindable(defaultValue = "") String accessKeyId,
    @Bindable(defaultValue = "") String accessKeySecret,
    @Bindable(defaultValue = "") String signName,
    @MapFormat(keyFormat = StringConvention.RAW) @Bindable(defaultValue = "{}")
        Map<String, String> templates,
    @Bindable(defaultValue = "10s") Duration timeout) {

  /** Never the secret, whatever prints this record. */
  @Override
  public String toString() {
    return "AliyunSmsConfig[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + "]";
  }
}
