package liaison.hub.notify.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's signature of an RPC-style request (SignatureMethod HMAC-SHA1, SignatureVersion
 * 1.0), as "Signature mechanism" documents it
 * (https://help.aliyun.com/en/cmn/developer-reference/signature-mechanism; SMS's own page, 短信服务
 * 签名机制, https://www.alibabacloud.com/help/zh/doc-detail/252839.htm, is the same algorithm):
 *
 * <ol>
 *   <li>the parameters but Signature, sorted by name, each name and value percent-encoded in UTF-8
 *       (RFC 3986: A–Z a–z 0–9 - _ . ~ kept, space as %20, never +), joined as {@code n=v&…};
 *   <li>StringToSign = HTTPMethod + "&" + percentEncode("/") + "&" + percentEncode(that query);
 *   <li>Signature = Base64(HMAC-SHA1(key = AccessKeySecret + "&", StringToSign)).
 * </ol>
 */
final class RpcSignature {
  private RpcSignature() {}

  /** The canonicalised query: sorted, encoded, joined; also what the request sends. */
  static String canonicalQuery(Map<String, String> parameters) {
    return new TreeMap<>(parameters)
        .entrySet().stream()
            .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
            .collect(Collectors.joining("&"));
  }

  static String stringToSign(String method, Map<String, String> parameters) {
    return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
  }

  static String sign(String method, Map<String, String> parameters, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder()
          .encodeToString(
              mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is part of every JDK", e);
    }
  }

  /**
   * RFC 3986 encoding: the form encoding of {@link URLEncoder} with its three differences undone,
   * as the documentation advises (+ for space, * kept, ~ encoded).
   */
  static String percentEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }
}
