package liaison.hub.poster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.config.SlipConfig;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/**
 * The slip's settings: who issues it, which font it is printed with, and a clear word without one.
 */
class SlipRendererTest {
  private static final ForwardingSlip SLIP =
      new ForwardingSlip(
          "测试县人大常委会代表工作委员会",
          "QX7K-M2PD-4HNA",
          "城关镇人大代表之家",
          "交通出行",
          LocalDate.of(2026, 12, 1),
          LocalDate.of(2026, 12, 2),
          "路灯不亮",
          "东门路的路灯坏了一个月。",
          "县交通运输局",
          LocalDate.of(2026, 12, 23),
          "https://hub.test/dept/cases/case-1");

  @Test
  void shouldNameTheCountysCommitteeUnlessAnotherIssuingBodyIsSet() {
    assertThat(new SlipRenderer(new SlipConfig("", "")).issuingBody("青溪县"))
        .isEqualTo("青溪县人大常委会代表工作委员会");
    assertThat(new SlipRenderer(new SlipConfig(" 青溪县人大常委会办公室 ", "")).issuingBody("青溪县"))
        .isEqualTo("青溪县人大常委会办公室");
  }

  @Test
  void shouldPrintWithTheConfiguredFontEmbeddedAsASubset() throws IOException {
    SlipRenderer renderer =
        new SlipRenderer(
            new SlipConfig("", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"));

    byte[] pdf = renderer.render(List.of(SLIP));

    List<String> fonts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDResources resources = document.getPage(0).getResources();
      for (COSName name : resources.getFontNames()) {
        PDFont font = resources.getFont(name);
        fonts.add(font.getName() + (font.isEmbedded() ? " embedded" : ""));
      }
    }
    // One face, the simplified-Chinese one of the collection, as a subset (ABCDEF+…).
    assertThat(fonts)
        .singleElement()
        .asString()
        .matches("[A-Z]{6}\\+NotoSansCJKsc-Regular.* embedded");
    assertThat(pdf.length).isLessThan(600_000);
  }

  @Test
  void shouldSayWhatToInstallWhenTheFontIsMissing() {
    SlipRenderer renderer = new SlipRenderer(new SlipConfig("", "/nowhere/NoSuchFont.ttc"));

    assertThatThrownBy(() -> renderer.render(List.of(SLIP)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("未找到中文字体")
        .hasMessageContaining("fonts-noto-cjk")
        .hasMessageContaining("hub.slip.font")
        .hasMessageContaining("/nowhere/NoSuchFont.ttc");
  }
}
