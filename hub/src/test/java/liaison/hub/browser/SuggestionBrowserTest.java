package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Path;
import java.time.LocalDate;
import liaison.hub.RunningHub;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.demo.DemoSuggestions;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.StaffAccountRepository;
import liaison.hub.suggestion.Forwarding;
import liaison.hub.suggestion.Suggestion;
import liaison.hub.suggestion.SuggestionStatus;
import liaison.hub.suggestion.Suggestions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Suggestions on a phone (390×844) in a real Chromium: 陈秀兰 makes one with a photo and rates a
 * department's reply 不满意, the county forwards hers, and 县交通运输局 replies to the one waiting for it
 * with a promise. Every page on the way passes axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionBrowserTest {
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
  void shouldMakeASuggestionAndRateAReplyOnTheDeputysPhone() throws Exception {
    Page page = chromium.phone();
    logIn(page, "chenxl");
    page.navigate(hub.url("/me/suggestions").toString());
    checked(page, "me-suggestions-phone");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("提出建议")).click();
    page.getByLabel("标题").fill("关于在城关镇滨河公园增设健身器材的建议");
    page.getByLabel("类别").selectOption("ELDERLY_CARE");
    page.getByLabel("建议内容").fill("滨河公园每天早晚锻炼的老人很多，现有健身器材老化。建议更新并增设适合老年人的器材。");
    page.locator("input[name=file1]").setInputFiles(new FilePayload("公园.png", "image/png", png()));
    checked(page, "me-suggestion-new-phone");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交建议")).click();
    assertThat(page.getByText("建议已提交，等待县人大常委会交办。")).isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("公园.png")))
        .isVisible();
    checked(page, "me-suggestion-made-phone");
    String made = page.url().replaceAll(".*/me/suggestions/([^?]+).*", "$1");
    Suggestion suggestion = suggestions().open(staff("chenxl"), made).suggestion();
    assertThat(suggestion.status()).isEqualTo(SuggestionStatus.SUBMITTED);
    assertThat(suggestion.category().name()).isEqualTo("ELDERLY_CARE");

    // The demo's suggestion 县交通运输局 replied to: 不满意, with a comment.
    page.navigate(hub.url("/me/suggestions/" + DemoSuggestions.REPLIED).toString());
    checked(page, "me-suggestion-to-rate-phone");
    Locator rate = page.locator("form#rate-dep-transport");
    rate.getByLabel("不满意").check();
    rate.getByLabel("意见（可选）").fill("站台建设时间太晚，希望开学前建成。");
    rate.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交评价")).click();
    assertThat(page.getByText("评价已提交。")).isVisible();
    assertThat(page.locator("form#rate-dep-transport")).hasCount(0);
    checked(page, "me-suggestion-rated-phone");
    Forwarding transport =
        suggestions().open(staff("chenxl"), DemoSuggestions.REPLIED).latest().stream()
            .filter(f -> f.departmentId().equals("dep-transport"))
            .findFirst()
            .orElseThrow();
    assertThat(transport.rating()).isEqualTo(Satisfaction.DISSATISFIED);
    assertThat(transport.ratingComment()).contains("开学前");

    // The county forwards hers on its own phone.
    Page county = chromium.phone();
    logIn(county, "admin");
    county.navigate(hub.url("/admin/suggestions/" + made).toString());
    checked(county, "admin-suggestion-to-forward-phone");
    Locator forward = county.locator("form#forward");
    forward.getByLabel("主办单位").selectOption("dep-housing");
    forward.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("交办")).click();
    assertThat(county.getByText("已交办，已通知承办单位。")).isVisible();
    checked(county, "admin-suggestion-forwarded-phone");
    assertThat(suggestions().open(staff("admin"), made).suggestion().status())
        .isEqualTo(SuggestionStatus.FORWARDED);
  }

  @Test
  void shouldReplyWithAPromiseOnTheDepartmentsPhone() {
    Page page = chromium.phone();
    logIn(page, "jiaotong");
    page.navigate(hub.url("/dept/suggestions").toString());
    checked(page, "dept-suggestions-phone");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("关于整治城关镇老街占道经营的建议")).click();
    Locator reply = page.locator("form#reply");
    // A promise without its day: refused, with what was typed kept.
    reply.getByLabel("答复内容").fill("已会同城管部门划定老街临时经营区，每日巡查。");
    reply.locator("input[name=promise0]").fill("一个月内完成老街经营区标线");
    reply.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交答复")).click();
    assertThat(page.getByText("请填写第1项承诺的完成日期")).isVisible();
    assertThat(page.locator("form#reply textarea[name=text]")).hasValue("已会同城管部门划定老街临时经营区，每日巡查。");
    checked(page, "dept-suggestion-refused-phone");
    String due = LocalDate.now(Sql.ZONE).plusMonths(1).toString();
    page.locator("form#reply input[name=due0]").fill(due);
    page.locator("form#reply")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("提交答复"))
        .click();
    assertThat(page.getByText("答复已提交。")).isVisible();
    assertThat(page.getByText("一个月内完成老街经营区标线")).isVisible();
    checked(page, "dept-suggestion-replied-phone");
    Suggestions.Dossier d = suggestions().open(staff("admin"), DemoSuggestions.WAITING);
    assertThat(d.suggestion().status()).isEqualTo(SuggestionStatus.REPLIED);
    assertThat(d.promises())
        .extracting(p -> p.text() + "@" + p.dueOn())
        .containsExactly("一个月内完成老街经营区标线@" + due);
  }

  private void checked(Page page, String name) {
    Chromium.screenshot(page, name);
    assertThat(Axe.violations(page)).as("axe-core on %s", name).isEmpty();
    assertThat(((Number) Axe.widths(page).get("scroll")).intValue())
        .as("%s is no wider than the phone", name)
        .isLessThanOrEqualTo(page.viewportSize().width);
  }

  private void logIn(Page page, String user) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(user);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
  }

  private Suggestions suggestions() {
    return hub.bean(Suggestions.class);
  }

  private liaison.hub.security.Staff staff(String username) {
    return hub.bean(StaffAccountRepository.class).byUsername(username).orElseThrow().staff();
  }

  private static byte[] png() throws java.io.IOException {
    java.awt.image.BufferedImage image =
        new java.awt.image.BufferedImage(200, 150, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.GREEN);
    g.fillRect(0, 0, 200, 150);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
