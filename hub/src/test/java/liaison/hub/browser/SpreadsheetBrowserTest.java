package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.Charset;
import java.nio.file.Path;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county administrator imports a deputies sheet from Chinese Excel (GBK) with bad rows, in
 * Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetBrowserTest {
  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  @Test
  void shouldUploadCheckConfirmAndFindTheGoodRowsInTheList() {
    String csv =
        "编号,姓名,层级,选区,职业,工作单位,专长,电话,公开电话,所属站点\r\n"
            + ",蒋文华,县人大代表,城关镇第六选区,退休教师,城关镇老年大学,教育、养老服务,0771-5553456,是,s-001\r\n"
            + ",农秀珍,乡、镇,白沙镇第三选区,种植户,白沙镇农秀珍家庭农场,农业与乡村振兴,,否,城关镇人大代表之家\r\n"
            + ",潘大勇,皇帝,白沙镇第四选区,,,,,否,s-002\r\n"
            + ",,县,城关镇第七选区,,,,,否,s-001\r\n";
    Page page = chromium.laptop();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("admin");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL("**/admin/dashboard"); // a county administrator lands on the dashboard

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("表格导入导出")).click();
    Locator deputies = page.locator("#sheet-deputies");
    deputies
        .getByLabel("选择 CSV 文件（UTF-8 或 GBK 均可）")
        .setInputFiles(
            new FilePayload("代表名册.csv", "text/csv", csv.getBytes(Charset.forName("GBK"))));
    Chromium.screenshot(page, "admin-spreadsheets-laptop");
    deputies.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上传并检查")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("检查结果 代表表")))
        .isVisible();
    assertThat(page.getByText("可以导入 2 行")).isVisible();
    assertThat(page.getByText("有误 2 行")).isVisible();
    assertThat(page.locator("p.meta")).containsText("GBK");
    Locator rejected = page.locator("table.rejected");
    assertThat(rejected.locator("tr", new Locator.LocatorOptions().setHasText("潘大勇")))
        .containsText("层级：不认识的层级「皇帝」");
    assertThat(rejected.locator("tr", new Locator.LocatorOptions().setHasText("5")))
        .containsText("姓名：请填写代表姓名");
    assertThat(page.locator("table.accepted")).containsText("蒋文华");
    Chromium.screenshot(page, "admin-import-dry-run-laptop");
    assertThat(page.getByText("有误的行将被跳过；改正后可以再次导入。")).isVisible();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认导入（2 行有变化）")).click();

    page.waitForURL("**/admin/deputies?done=imported");
    assertThat(page.getByText("已导入，屏幕将在几秒内更新。")).isVisible();
    assertThat(page.locator("tr.deputy-row", new Page.LocatorOptions().setHasText("蒋文华")))
        .containsText("城关镇人大代表之家");
    assertThat(page.locator("tr.deputy-row", new Page.LocatorOptions().setHasText("农秀珍")))
        .containsText("乡镇人大代表");
    assertThat(page.locator("tr.deputy-row", new Page.LocatorOptions().setHasText("潘大勇")))
        .hasCount(0);
    Chromium.screenshot(page, "admin-import-done-laptop");

    page.navigate(hub.url("/admin/deputies?q=%E8%92%8B").toString());
    assertThat(page.locator("tr.deputy-row")).hasCount(1);
    assertThat(page.locator("tr.deputy-row")).containsText("0771-5553456");
  }
}
