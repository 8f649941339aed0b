/**
 * SMS providers behind {@link liaison.hub.notify.SmsGateway}: Alibaba Cloud SMS ({@link
 * AliyunSmsGateway}, its request signature in {@link RpcSignature}).
 */
@NullMarked
package liaison.hub.notify.sms;

import org.jspecify.annotations.NullMarked;
