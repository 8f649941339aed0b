package liaison.hub.config;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The forwarding slip (交办单) a county prints for a department ({@code hub.slip.*}).
 *
 * @param issuingBody the body that issues the slip, printed above its title and in its stamp box;
 *     empty: "〈county〉人大常委会代表工作委员会"
 * @param font a CJK font file (.ttc, .otf or .ttf) to print with; empty: Noto Serif CJK, else Noto
 *     Sans CJK, found where Debian's fonts-noto-cjk puts them
 */
@ConfigurationProperties("hub.slip")
public record SlipConfig(String issuingBody, String font) {}
