package liaison.hub.opinion;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** What an opinion is about, as the resident picks it on the form. */
public enum Category {
  URBAN_RURAL("城乡建设", "Urban and rural development"),
  TRANSPORT("交通出行", "Transport"),
  EDUCATION("教育", "Education"),
  HEALTH("医疗卫生", "Health care"),
  ELDERLY_CARE("养老服务", "Care for the elderly"),
  SOCIAL_SECURITY("社会保障", "Social security"),
  ENVIRONMENT("生态环境", "Environment"),
  EMPLOYMENT("就业创业", "Jobs and business"),
  SAFETY("安全与消防", "Safety and fire"),
  /** 涉法涉诉: not forwarded; the resident is guided to legal channels. */
  LEGAL("法律诉讼", "Legal and litigation matters"),
  OTHER("其他", "Other");

  private final String zh;
  private final String en;

  Category(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public static Optional<Category> of(@Nullable String name) {
    for (Category c : values()) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
