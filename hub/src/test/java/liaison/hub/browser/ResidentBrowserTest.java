package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoLivelihood;
import liaison.hub.livelihood.ElectedFixture;
import liaison.hub.livelihood.LivelihoodRepository;
import liaison.hub.livelihood.LivelihoodVote;
import liaison.hub.livelihood.Proposal;
import liaison.hub.livelihood.ProposalStatus;
import liaison.hub.livelihood.ShortlistFixture;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Cases;
import liaison.hub.opinion.DeputyLinks;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Resident;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residents' whole loop on a phone (390×844, zh-CN, a fresh profile as WeChat's in-app browser
 * gives): the QR form, the tracking code, the tracking page while staff handle the case, and a 不满意
 * rating that reopens it. Every page must keep the strict CSP without a single violation, fit the
 * screen's width and offer touch targets of at least 44 px. PNGs of each step go to target/screens
 * for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentBrowserTest {
  private static final String TEXT = "小区门口路灯坏了三个月😡，晚上很黑";
  private static final Pattern CODE =
      Pattern.compile("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
  private static final String DEPARTMENT = "城管局路灯管理所";
  private static final String DEPARTMENT_REPLY = "城管局回复：已派维修班组更换灯头";
  private static final String ANSWER = "您反映的路灯已于本周三修复，感谢您的监督。";

  private RunningHub hub;
  private Chromium chromium;
  private String token;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private Path photo;

  @BeforeAll
  void start(@TempDir Path dir) throws IOException {
    // Every page of this test comes from 127.0.0.1: raise the per-address limit for the run.
    hub = RunningHub.start(dir, Map.of("hub.opinions.per-ip", 100, "hub.opinions.per-token", 100));
    chromium = Chromium.launch();
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    photo = dir.resolve("lamp.png");
    Files.write(photo, Resident.png(640, 480));
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  @AfterEach
  void noCspViolations() {
    assertThat(violations).as("CSP violations and script errors in the browser console").isEmpty();
  }

  /**
   * A phone whose console is watched for CSP violations (Chromium reports each one there) and
   * script errors.
   */
  /** Logs a demo account in through the login form, as a person does. */
  private void logIn(Page page, String username) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(liaison.hub.demo.DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
  }

  private Page phone() {
    Page page = chromium.phone();
    page.onConsoleMessage(
        m -> {
          if (m.text().contains("Content Security Policy")
              || m.text().contains("Content-Security-Policy")) {
            violations.add(page.url() + ": " + m.text());
          }
        });
    page.onPageError(e -> violations.add(page.url() + ": " + e));
    return page;
  }

  private OpinionCase caseOf(String code) {
    return hub.bean(CaseRepository.class)
        .findByCode(code)
        .orElseThrow(() -> new AssertionError("no case with code " + code));
  }

  @Test
  void shouldSubmitAnonymouslyFollowTheCaseAndReopenItWhenDissatisfied() {
    // Given a resident who scanned the station's QR code
    Page page = phone();
    page.navigate(hub.url("/o/" + token).toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("提交意见建议")))
        .isVisible();

    // When they choose a category, type Chinese with an emoji, attach a photo and leave the contact
    // empty
    page.locator("#category").selectOption("TRANSPORT");
    page.locator("#text").fill(TEXT);
    page.locator("#photo1").setInputFiles(photo);
    assertThat(page.locator("#name")).hasValue("");
    assertThat(page.locator("#phone")).hasValue("");
    Chromium.screenshot(page, "resident-form-phone");
    Screens.checkLayout(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    // Then the code page shows a code without look-alikes, and a copy control
    assertThat(
            page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("已提交，感谢您的意见建议")))
        .isVisible();
    String code = page.locator("#code").innerText().strip();
    assertThat(code).matches(CODE);
    Locator copy = page.locator("button.copy");
    assertThat(copy).hasText("复制查询码");
    Chromium.screenshot(page, "resident-code-phone");
    Screens.checkLayout(page);
    copy.click();
    assertThat(copy).hasText("已复制");
    OpinionCase saved = caseOf(code);
    assertThat(saved.text()).isEqualTo(TEXT);
    assertThat(saved.status()).isEqualTo(CaseStatus.SUBMITTED);
    assertThat(hub.bean(CaseRepository.class).photos(saved.id())).hasSize(1);
    assertThat(hub.bean(CaseRepository.class).contact(saved.id())).isEmpty();

    // When they look the code up as typed by hand (lower case, spaces)
    page.navigate(hub.url("/t").toString());
    page.locator("#code-input").fill(code.toLowerCase().replace("-", " "));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询")).click();
    assertThat(page.locator(".case .status")).hasText("已收到您的意见");
    assertThat(page.locator(".resident-text")).hasText(TEXT);
    Chromium.screenshot(page, "resident-tracking-phone");
    Screens.checkLayout(page);

    // And staff register, forward, record the department's reply and answer
    Cases cases = hub.bean(Cases.class);
    cases.transition(saved.id(), CaseStatus.REGISTERED, "chengguan", "路灯 · 城关镇文化路");
    cases.transition(saved.id(), CaseStatus.FORWARDED, "chengguan", DEPARTMENT);
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              h.execute(
                  "UPDATE opinion_case SET department_reply = ? WHERE id = ?",
                  DEPARTMENT_REPLY,
                  saved.id());
              cases.transition(
                  h, saved.id(), CaseStatus.DEPARTMENT_REPLIED, "chengguan", DEPARTMENT_REPLY);
            });
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              h.execute("UPDATE opinion_case SET answer = ? WHERE id = ?", ANSWER, saved.id());
              cases.transition(h, saved.id(), CaseStatus.ANSWERED, "chengguan", "");
            });
    page.reload();

    // Then the timeline and the answer show, and no staff name, department or internal note
    assertThat(page.locator(".case .status")).hasText("已答复，请您评价");
    assertThat(page.locator("ol.timeline li")).hasCount(5);
    assertThat(page.locator("ol.timeline")).containsText("工作人员已登记");
    assertThat(page.locator("ol.timeline")).containsText("已转交承办单位办理");
    assertThat(page.locator("ol.timeline")).containsText("承办单位已办理并回复");
    assertThat(page.locator(".answer")).containsText(ANSWER);
    String shown = page.locator("body").innerText();
    assertThat(shown).doesNotContain("chengguan", "林晓梅", DEPARTMENT, DEPARTMENT_REPLY, "城关镇文化路");
    Chromium.screenshot(page, "resident-answered-phone");
    Screens.checkLayout(page);

    // When they rate 不满意 with a comment
    page.getByLabel("不满意").check();
    page.locator("#comment").fill("修好两天又坏了，晚上还是很黑");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评价")).click();

    // Then the case is open again for staff, and the page says so
    assertThat(page.getByText("已收到您的评价，您的意见将重新办理。")).isVisible();
    assertThat(page.locator(".case .status")).hasText("已重新办理");
    assertThat(page.locator("form[action$='/rating']")).hasCount(0);
    OpinionCase rated = caseOf(code);
    assertThat(rated.status()).isEqualTo(CaseStatus.REOPENED);
    assertThat(rated.status().isOpen()).isTrue();
    assertThat(rated.rating()).isEqualTo(Satisfaction.DISSATISFIED);
    assertThat(rated.ratingComment()).isEqualTo("修好两天又坏了，晚上还是很黑");
    Chromium.screenshot(page, "resident-rated-phone");
    Screens.checkLayout(page);
  }

  @Test
  void shouldSendAPlainFormWithoutAPhotoAndMultipartWithOneOrWithoutScript() {
    // Given a resident's phone, and a browser that runs no script, the content type of each opinion
    // they send is noted
    Page page = phone();
    Page noScript = chromium.laptopWithoutScript();
    List<String> sent = new CopyOnWriteArrayList<>();
    for (Page p : List.of(page, noScript)) {
      p.onRequest(
          r -> {
            if (r.method().equals("POST") && r.url().contains("/o/")) {
              sent.add(r.headerValue("content-type"));
            }
          });
    }

    // When the phone sends one without a photo, then one with a photo, and the other browser one
    // without a photo
    List<String> codes = new java.util.ArrayList<>();
    for (Path chosen : new Path[] {null, photo}) {
      page.navigate(hub.url("/o/" + token).toString());
      page.locator("#category").selectOption("TRANSPORT");
      page.locator("#text").fill(chosen == null ? "没有照片的意见" : "带照片的意见");
      if (chosen != null) {
        page.locator("#photo1").setInputFiles(chosen);
      }
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
          .click();
      assertThat(page.locator("#code")).hasText(CODE);
      codes.add(page.locator("#code").innerText().strip());
    }
    noScript.navigate(hub.url("/o/" + token).toString());
    noScript.locator("#category").selectOption("TRANSPORT");
    noScript.locator("#text").fill("不运行脚本的浏览器");
    noScript
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();
    assertThat(noScript.locator("#code")).hasText(CODE);

    // Then the first went as a plain form, the others as multipart, and each was stored as typed
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0)).isEqualTo("application/x-www-form-urlencoded");
    assertThat(sent.get(1)).startsWith("multipart/form-data; boundary=");
    assertThat(sent.get(2)).startsWith("multipart/form-data; boundary=");
    OpinionCase plain = caseOf(codes.get(0));
    assertThat(plain.text()).isEqualTo("没有照片的意见");
    assertThat(plain.category()).isEqualTo(liaison.hub.opinion.Category.TRANSPORT);
    assertThat(hub.bean(CaseRepository.class).photos(plain.id())).isEmpty();
    OpinionCase withPhoto = caseOf(codes.get(1));
    assertThat(withPhoto.text()).isEqualTo("带照片的意见");
    assertThat(hub.bean(CaseRepository.class).photos(withPhoto.id())).hasSize(1);
    assertThat(caseOf(noScript.locator("#code").innerText().strip()).text()).isEqualTo("不运行脚本的浏览器");
  }

  @Test
  void shouldShowAChineseMessageBesideTheTextAndKeepTheOtherValuesWhenTheTextIsEmptyOrTooLong() {
    int before = count();
    Page page = phone();
    page.navigate(hub.url("/o/" + token).toString());

    // Given a resident who chose a category and typed nothing
    page.locator("#category").selectOption("ENVIRONMENT");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    // Then the message stands right after the text field, Chinese first, and the category is kept
    Locator message = page.locator("#text ~ .field-error").first();
    assertThat(message).containsText("请写下您的意见建议");
    assertThat(page.locator("#text")).hasAttribute("aria-invalid", "true");
    assertThat(page.locator("#category")).hasValue("ENVIRONMENT");
    Chromium.screenshot(page, "resident-error-empty-phone");
    Screens.checkLayout(page);

    // When they paste 2,001 characters (the page must not cut a paste short without a word)
    String tooLong = "河".repeat(1991) + "道发臭已经很多天了呀";
    assertThat(tooLong.codePointCount(0, tooLong.length())).isEqualTo(2001);
    page.locator("#text").fill(tooLong);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    // Then the message counts the characters, the text and the category are kept, nothing was saved
    assertThat(page.locator("#text ~ .field-error").first())
        .containsText("意见建议最多 2000 字，现在 2001 字，请精简");
    assertThat(page.locator("#text")).hasValue(tooLong);
    assertThat(page.locator("#category")).hasValue("ENVIRONMENT");
    Chromium.screenshot(page, "resident-error-long-phone");
    Screens.checkLayout(page);
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldProposeALivelihoodProjectAnonymouslyAndShowOnlyAcceptedOnesInPublic() {
    // Given a resident who scanned the station's QR code while 城关镇 collects livelihood projects
    LivelihoodRepository proposals = hub.bean(LivelihoodRepository.class);
    int before = proposals.proposals(DemoLivelihood.TOWNSHIP_ROUND, null).size();
    Page page = phone();
    page.navigate(hub.url("/l/" + token).toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("提出民生实事项目建议")))
        .isVisible();
    assertThat(page.locator("input[name=name], input[name=phone]")).hasCount(0);

    // When they send it to the township's round (offered first, before the county's) without a
    // title
    assertThat(page.locator("input[name=roundId]").first()).hasValue(DemoLivelihood.TOWNSHIP_ROUND);
    assertThat(page.locator("input[name=roundId]").first()).isChecked();
    page.locator("#category").selectOption("URBAN_RURAL");
    page.locator("#description").fill("老城区的公厕太少，赶集的日子排长队。");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交建议")).click();

    // Then the message stands after the title, Chinese first with English beside it; nothing saved
    Locator message = page.locator("#title ~ .field-error").first();
    assertThat(message).containsText("请填写项目名称");
    assertThat(message.locator(".other-language")).hasText("Give the project a title");
    assertThat(page.locator("#description")).hasValue("老城区的公厕太少，赶集的日子排长队。");
    Chromium.screenshot(page, "livelihood-propose-error-phone");
    Screens.checkLayout(page);
    assertThat(proposals.proposals(DemoLivelihood.TOWNSHIP_ROUND, null)).hasSize(before);

    // When they add the title and a photo and send it again
    page.locator("#title").fill("老城区新建公厕");
    page.locator("#photo1").setInputFiles(photo);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交建议")).click();

    // Then they are thanked, the proposal waits for staff, anonymous, with its photo
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("已收到您的建议");
    Chromium.screenshot(page, "livelihood-propose-sent-phone");
    Screens.checkLayout(page);
    List<Proposal> now = proposals.proposals(DemoLivelihood.TOWNSHIP_ROUND, null);
    assertThat(now).hasSize(before + 1);
    Proposal sent = now.stream().filter(p -> p.title().equals("老城区新建公厕")).findFirst().orElseThrow();
    assertThat(sent.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(sent.photos()).hasSize(1);

    // And the public page shows the accepted proposals only, not this one yet
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看民生实事项目征集公示")).click();
    assertThat(page.getByText("茶产业园园路硬化")).isVisible();
    assertThat(page.getByText("老城区新建公厕")).hasCount(0);
    Chromium.screenshot(page, "livelihood-public-phone");
    Screens.checkLayout(page);
  }

  @Test
  void shouldShowElectedProjectsProgressAndTakeAResidentsRatingOnThePhone() {
    // Given the county's projects decided by the vote, supervision under way, the ratings open
    liaison.hub.db.Database db = hub.bean(liaison.hub.db.Database.class);
    ElectedFixture.Decided round =
        ElectedFixture.decided(db, "phone", java.time.Year.now().getValue(), "");
    ElectedFixture.underway(db, round, true);
    // and one proposal left out of its shortlist, with the reason staff gave
    db.useTransaction(
        h ->
            h.execute(
                "INSERT INTO livelihood_project (id, round_id, position, category, title,"
                    + " description, place, state, left_out_reason, created_at, updated_at)"
                    + " VALUES ('pj-phone-square', ?, 4, 'URBAN_RURAL', '新建文化广场', '说明', '',"
                    + " 'LEFT_OUT', '与县级项目重复，已并入县级征集', '2026-12-01T09:00:00+08:00',"
                    + " '2026-12-01T09:00:00+08:00')",
                round.round()));
    Page page = phone();
    page.navigate(hub.url("/livelihood").toString());

    // Then every project shows its result, the elected ones their progress; no deputy's note
    Locator road = page.locator("#p-" + round.transport());
    assertThat(road).containsText("东门路路灯改造");
    assertThat(road).containsText("票决通过");
    assertThat(road).containsText("进度 60%");
    assertThat(road).containsText("完成施工设计和招标");
    assertThat(road).containsText("东门路北段 70 盏路灯已立杆通电");
    assertThat(page.locator("#p-" + round.notElected())).containsText("未通过票决");
    assertThat(page.getByText("南段施工围挡不全")).hasCount(0);
    // and, below the result, what was left out and why
    Locator leftOut = page.locator("#round-" + round.round() + " .lv-left-out");
    assertThat(leftOut).containsText("未列入的项目（1 个）及理由");
    assertThat(leftOut).containsText("新建文化广场");
    assertThat(leftOut).containsText("与县级项目重复，已并入县级征集");
    Chromium.screenshot(page, "livelihood-progress-phone");
    Screens.checkLayout(page);

    // When the resident rates the road 满意
    road.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("满意").setExact(true))
        .click();

    // Then they are thanked beside it, and one anonymous resident's rating is kept
    assertThat(page.locator("#p-" + round.transport())).containsText("谢谢您的测评");
    Chromium.screenshot(page, "livelihood-rated-phone");
    Screens.checkLayout(page);
    List<String> ratings =
        db.withHandle(
            h ->
                h.createQuery(
                        "SELECT rater || ':' || choice FROM livelihood_rating WHERE project_id = :p")
                    .bind("p", round.transport())
                    .mapTo(String.class)
                    .list());
    assertThat(ratings).containsExactly("RESIDENT:SATISFIED");
  }

  @Test
  void shouldLetADeputyVoteOnTheShortlistFromTheirPhoneWithAtMostTheirForVotes() {
    // Given the county's shortlist of three projects put to the vote, two FOR votes each, and the
    // code on a deputy's slip
    List<String> projects =
        ShortlistFixture.shortlisted(
            hub.bean(liaison.hub.db.Database.class),
            "lr-browser-vote",
            liaison.hub.demo.DemoCounty.COUNTY,
            null,
            "2028年度青溪县民生实事项目",
            List.of("县城老旧小区雨污分流改造", "白沙镇中心小学食堂改扩建", "县医院停车场扩建"));
    Staff admin =
        new Staff(
            "u-admin",
            "admin",
            "周建华",
            Role.COUNTY_ADMIN,
            liaison.hub.demo.DemoCounty.COUNTY,
            null,
            Set.of());
    LivelihoodVote vote = hub.bean(LivelihoodVote.class);
    String session =
        vote.plan(
                admin,
                "lr-browser-vote",
                new LivelihoodVote.Draft("青溪县第十八届人民代表大会第五次会议", "2027-01-10", "2", "", ""))
            .session()
            .id();
    String code = vote.issueCodes(admin, session).get(0).code();
    String ballot = vote.ballotUrl(session);

    // Before the vote opens, the staff's page offers to regenerate every code (a lost slip)
    Page desk = chromium.laptop();
    logIn(desk, "admin");
    desk.navigate(hub.url("/admin/livelihood/lr-browser-vote/vote").toString());
    assertThat(
            desk.getByRole(
                AriaRole.BUTTON, new Page.GetByRoleOptions().setName("重新生成投票码并重印（下载 PDF）")))
        .isVisible();
    Chromium.screenshot(desk, "livelihood-vote-renew-laptop");
    vote.open(admin, session);

    // Once open, it shows the ballot's address as a QR big enough for the hall's projector, the
    // address beside it; the QR as Chromium draws it reads back as that address.
    desk.reload();
    Locator qr = desk.locator("#ballot-qr");
    assertThat(qr).containsText(ballot);
    assertThat(qr).containsText("请使用会上发放的投票码");
    assertThat(desk.locator(".ballot-qr-code").boundingBox().width).isGreaterThanOrEqualTo(360);
    assertThat(desk.locator("#renew")).containsText("纸质选票");
    Chromium.screenshot(desk, "livelihood-vote-qr-laptop");
    try {
      assertThat(
              liaison.hub.poster.PrintedCodes.decode(
                  javax.imageio.ImageIO.read(
                      new java.io.ByteArrayInputStream(
                          desk.locator(".ballot-qr-code").screenshot()))))
          .isEqualTo(ballot);
    } catch (com.google.zxing.ReaderException | IOException e) {
      throw new AssertionError("the ballot's QR on the staff page does not read", e);
    }
    desk.context().close();

    // A deputy of the congress finds the open vote on her /me, with the link and no code
    Page mine = phone();
    logIn(mine, "chenxl");
    Locator open = mine.locator("#me-votes");
    assertThat(open).containsText("青溪县第十八届人民代表大会第五次会议");
    assertThat(open).containsText("请使用会上发放的投票码");
    assertThat(open).not().containsText(code);
    Chromium.screenshot(mine, "livelihood-me-vote-phone");
    // Held as MyWorkBrowserTest holds /me: WCAG 2.1 A/AA and the phone's width (the staff bar's
    // 退出 is under 44 px high there, as on every staff page).
    assertThat(Axe.violations(mine)).as("axe-core on /me").isEmpty();
    assertThat(((Number) Axe.widths(mine).get("scroll")).intValue())
        .isLessThanOrEqualTo(mine.viewportSize().width);
    // The tests' public address (https://hub.test) is not served here: the link is checked, not
    // followed.
    assertThat(mine.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("去投票")))
        .hasAttribute("href", ballot);
    mine.context().close();

    // When the deputy opens the slip's link and votes FOR all three
    Page page = phone();
    page.navigate(hub.url("/lv/" + session + "?c=" + code).toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("民生实事项目票决")))
        .isVisible();
    assertThat(page.locator("input[name=code]")).hasValue(code);
    assertThat(page.locator(".lv-left")).hasText("还可以投赞成票：2 个");
    for (String p : projects) {
      page.locator("input[name='p-" + p + "'][value=FOR]").check();
    }
    // Then the page says none are left, in red, and the hub refuses the third, in Chinese then
    // English
    assertThat(page.locator(".lv-left")).hasText("还可以投赞成票：0 个");
    assertThat(page.locator(".lv-left")).hasClass(java.util.regex.Pattern.compile("field-error"));
    Chromium.screenshot(page, "livelihood-ballot-phone");
    Screens.checkLayout(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交选票")).click();
    Locator message = page.locator("p.field-error").first();
    assertThat(message).containsText("最多只能对 2 个项目投赞成票，现在选了 3 个");
    assertThat(message.locator(".other-language")).containsText("At most 2 projects");
    Chromium.screenshot(page, "livelihood-ballot-error-phone");
    Screens.checkLayout(page);
    assertThat(
            hub.bean(liaison.hub.livelihood.VoteRepository.class)
                .find(session)
                .orElseThrow()
                .ballots())
        .isZero();

    // When they vote AGAINST the third instead: counted, once
    page.locator("input[name='p-" + projects.get(2) + "'][value=AGAINST]").check();
    assertThat(page.locator(".lv-left")).hasText("还可以投赞成票：0 个");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交选票")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("选票已计入");
    Chromium.screenshot(page, "livelihood-ballot-thanks-phone");
    Screens.checkLayout(page);
    assertThat(
            hub.bean(liaison.hub.livelihood.VoteRepository.class)
                .find(session)
                .orElseThrow()
                .ballots())
        .isEqualTo(1);
  }

  @Test
  void shouldOfferEnglishThroughTheSwitchAndKeepItOnTheTrackingPage() {
    Page page = phone();
    page.navigate(hub.url("/o/" + token).toString());

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();

    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Send an opinion")))
        .isVisible();
    assertThat(page.locator("html")).hasAttribute("lang", "en");
    page.locator("#category").selectOption("URBAN_RURAL");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true))
        .click();
    // A message in the chosen language, with the Chinese as its second line
    Locator message = page.locator("#text ~ .field-error").first();
    assertThat(message).containsText("Write your opinion");
    assertThat(message).containsText("请写下您的意见建议");
    Chromium.screenshot(page, "resident-form-phone-en");
    Screens.checkLayout(page);

    page.locator("#text").fill("停水三天了 💧 no water for three days");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send").setExact(true))
        .click();

    assertThat(
            page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Sent: thank you for your opinion")))
        .isVisible();
    assertThat(
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Copy the code")))
        .isVisible();
    assertThat(page.locator(".case .status")).hasText("We received your opinion");
    assertThat(page.locator(".case")).containsText("Status: We received your opinion");
    assertThat(page.locator("ol.timeline")).containsText("Opinion sent");
    Chromium.screenshot(page, "resident-code-phone-en");
    Screens.checkLayout(page);

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("中文")).click();
    assertThat(page.locator(".case .status")).hasText("已收到您的意见");
  }

  @Test
  void shouldAddressTheFormToTheDeputyWhoseOwnLinkWasScanned() {
    String deputyToken = hub.bean(DeputyLinks.class).token("s-001", "d-0001");
    Page page = phone();
    page.navigate(hub.url("/o/" + deputyToken).toString());

    assertThat(page.locator(".to-deputy")).hasText("写给 陈秀兰 代表");
    page.locator("#category").selectOption("EDUCATION");
    page.locator("#text").fill("希望陈代表关注学校门口的接送秩序 🚸");
    Chromium.screenshot(page, "resident-deputy-phone");
    Screens.checkLayout(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    String code = page.locator("#code").innerText().strip();
    OpinionCase c = caseOf(code);
    assertThat(c.deputyId()).isEqualTo("d-0001");
    assertThat(c.stationId()).isEqualTo("s-001");
  }

  private int count() {
    return hub.bean(liaison.hub.db.Database.class)
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM opinion_case").mapTo(Integer.class).one());
  }
}
