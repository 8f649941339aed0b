package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.hub.security.PasswordHasher;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Supervising and evaluating elected livelihood projects (监督, 测评) over real HTTP on one hub with
 * the demo county, on SQLite and on PostgreSQL: staff keep the milestones; 县交通运输局 reports progress
 * with a photo at its desk (another department finds nothing; a lower percent is refused in Chinese
 * and English, nothing saved); the photo is public only once staff publish it; the deputy assigned
 * to supervise adds a note, another deputy is refused; the year's ratings: a deputy rates once,
 * residents rate within their limits, staff close them and the round is evaluated, its results kept
 * on the public page beside an earlier year's. A township round's supervisors and raters are that
 * township's congress: a deputy of another congress is neither offered nor taken.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivelihoodSuperviseTest {
  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private Database database;
  private StaffClient admin;
  private StaffClient transport;
  private StaffClient housing;
  private StaffClient chenxl;
  private StaffClient liugf;
  private StaffClient zhaowd;
  private StaffClient resident;

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
    database = hub.bean(Database.class);
    // 刘桂芳 (d-0006, of 白沙镇's congress only) gets an account of her own, to be a deputy who does
    // not supervise; 赵卫东 (d-0007) sits in the county's congress and 白沙镇's.
    hub.addSecondDeputyAccount();
    addDeputyAccount("u-zhaowd", "zhaowd", "赵卫东", "d-0007", "s-002");
    admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    transport = StaffClient.loggedIn(hub, "jiaotong", DemoCounty.PASSWORD);
    housing = StaffClient.loggedIn(hub, "zhujian", DemoCounty.PASSWORD);
    chenxl = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    liugf = StaffClient.loggedIn(hub, "liugf", DemoCounty.PASSWORD);
    zhaowd = StaffClient.loggedIn(hub, "zhaowd", DemoCounty.PASSWORD);
    resident = StaffClient.anonymous(hub);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldKeepMilestonesAndShowTheDepartmentsProgressWithPhotosOnlyOnceStaffPublishThem()
      throws Exception {
    ElectedFixture.Decided round = ElectedFixture.decided(database, "progress", 2026);
    String page = "/admin/livelihood/" + round.round() + "/supervise/" + round.transport();
    String csrf = admin.csrf();

    // Milestones: a bad one refused field by field, nothing saved; then two added, one changed,
    // one removed.
    HttpResponse<String> bad =
        admin.submit(
            page + "/milestones", csrf, List.of(Map.entry("title", " "), Map.entry("dueOn", "6月")));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("请填写节点名称", "请按 年-月-日 填写日期");
    assertThat(milestones(round.transport())).isEmpty();
    assertThat(addMilestone(page, csrf, "完成施工设计", "2026-03-31").statusCode()).isEqualTo(303);
    assertThat(addMilestone(page, csrf, "路灯安装完工", "2026-09-30").statusCode()).isEqualTo(303);
    assertThat(addMilestone(page, csrf, "多余的节点", "2026-10-31").statusCode()).isEqualTo(303);
    List<String> ids = milestones(round.transport());
    assertThat(ids).hasSize(3);
    assertThat(
            admin
                .submit(
                    page + "/milestones/" + ids.get(1),
                    csrf,
                    List.of(
                        Map.entry("title", "120 盏路灯安装完工"),
                        Map.entry("dueOn", "2026-10-15"),
                        Map.entry("doneOn", "")))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            admin
                .submit(page + "/milestones/" + ids.get(2) + "/remove", csrf, List.of())
                .statusCode())
        .isEqualTo(303);
    assertThat(milestones(round.transport())).containsExactly(ids.get(0), ids.get(1));
    assertThat(admin.get(page).body())
        .contains("120 盏路灯安装完工", "2026-10-15")
        .doesNotContain("多余的节点");

    // 县交通运输局 sees its project, not 县住房和城乡建设局's, and reports with a photo, a milestone done.
    assertThat(transport.get("/dept/livelihood").body())
        .contains("东门路路灯改造progress")
        .doesNotContain("老旧小区供水管网改造progress");
    String deptCsrf = transport.csrf("/dept");
    HttpResponse<String> sent =
        report(
            transport,
            deptCsrf,
            round.transport(),
            "40",
            "路基和管线完成，开始立杆。",
            ids.get(0),
            png(Color.GREEN));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    assertThat(progress(round.transport())).isEqualTo(40);
    assertThat(doneOn(ids.get(0))).isNotNull();

    // Another department: not found, nothing saved.
    assertThat(housing.get("/dept/livelihood/" + round.transport()).statusCode()).isEqualTo(404);
    assertThat(
            report(housing, housing.csrf("/dept"), round.transport(), "90", "别人的项目", "", null)
                .statusCode())
        .isEqualTo(404);
    // A lower percent: refused in Chinese and English, nothing saved, counted.
    long refusedBefore = hub.bean(BadInput.class).count("livelihood.progress", "refused");
    HttpResponse<String> lower =
        report(transport, deptCsrf, round.transport(), "30", "返工", "", png(Color.BLUE));
    assertThat(lower.statusCode()).isEqualTo(422);
    assertThat(lower.body())
        .contains("完成百分比不能低于上次报告的 40%", "cannot be lower than the last report&#39;s 40%");
    assertThat(reports(round.transport())).isEqualTo(1);
    assertThat(progress(round.transport())).isEqualTo(40);
    assertThat(hub.bean(BadInput.class).count("livelihood.progress", "refused"))
        .isEqualTo(refusedBefore + 1);

    // Public: the states, the percent, the milestones and the words, not yet the photo.
    String photo = photoOf(round.transport());
    String photoPath = "/livelihood/projects/" + round.transport() + "/photos/" + photo + ".jpg";
    String before = resident.get("/livelihood").body();
    assertThat(before)
        .contains(
            "东门路路灯改造progress",
            "票决通过",
            "未通过票决",
            "城西口袋公园progress",
            "进度 40%",
            "完成施工设计",
            "路基和管线完成，开始立杆。")
        .doesNotContain(photo);
    assertThat(resident.get(photoPath).statusCode()).isEqualTo(404);
    assertThat(admin.get(page + "/photos/" + photo + ".jpg").statusCode()).isEqualTo(200);

    String report = reportId(round.transport());
    assertThat(admin.submit(page + "/reports/" + report + "/publish", csrf, List.of()).statusCode())
        .isEqualTo(303);
    assertThat(resident.get("/livelihood").body()).contains(photoPath);
    assertThat(resident.get(photoPath).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldLetOnlyTheAssignedDeputyNoteAndKeepTheNotesFromThePublic() {
    ElectedFixture.Decided round = ElectedFixture.decided(database, "notes", 2026);
    String page = "/admin/livelihood/" + round.round() + "/supervise/" + round.housing();
    String csrf = admin.csrf();
    assertThat(
            admin
                .submit(page + "/supervisors", csrf, List.of(Map.entry("deputyId", "d-9999")))
                .statusCode())
        .isEqualTo(422);
    assertThat(
            admin
                .submit(page + "/supervisors", csrf, List.of(Map.entry("deputyId", "d-0001")))
                .statusCode())
        .isEqualTo(303);

    assertThat(chenxl.get("/me/supervise").body()).contains("老旧小区供水管网改造notes");
    String meCsrf = chenxl.csrf("/me");
    HttpResponse<String> empty =
        chenxl.submit(
            "/me/supervise/" + round.housing() + "/notes", meCsrf, List.of(Map.entry("text", " ")));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("请写一写监督意见", "Write your note");
    assertThat(
            chenxl
                .submit(
                    "/me/supervise/" + round.housing() + "/notes",
                    meCsrf,
                    List.of(Map.entry("text", "三号楼管网开挖后未及时回填，雨天积水。")))
                .statusCode())
        .isEqualTo(303);
    assertThat(chenxl.get("/me/supervise/" + round.housing()).body()).contains("三号楼管网开挖后未及时回填");

    // 刘桂芳 was not assigned: refused, nothing saved.
    assertThat(liugf.get("/me/supervise").body()).doesNotContain("老旧小区供水管网改造notes");
    assertThat(liugf.get("/me/supervise/" + round.housing()).statusCode()).isEqualTo(403);
    assertThat(
            liugf
                .submit(
                    "/me/supervise/" + round.housing() + "/notes",
                    liugf.csrf("/me"),
                    List.of(Map.entry("text", "我也想写")))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_supervision_note WHERE project_id = ?",
                round.housing()))
        .isEqualTo(1);

    // Staff read the note; the public page does not show it.
    assertThat(admin.get(page).body()).contains("陈秀兰", "三号楼管网开挖后未及时回填");
    assertThat(resident.get("/livelihood").body())
        .contains("老旧小区供水管网改造notes")
        .doesNotContain("三号楼管网开挖后未及时回填");
  }

  @Test
  void shouldTakeEachDeputysRatingOnceAndResidentsWithinLimitsThenKeepTheYearsResults() {
    ElectedFixture.Decided past = ElectedFixture.decided(database, "past", 2025);
    database.useTransaction(
        h -> {
          h.execute("UPDATE livelihood_round SET state = 'EVALUATED' WHERE id = ?", past.round());
          h.execute(
              "INSERT INTO livelihood_rating (id, project_id, year, rater, choice, rated_on)"
                  + " VALUES ('lg-past', ?, 2025, 'DEPUTY', 'SATISFIED', '2025-12-20')",
              past.transport());
        });
    ElectedFixture.Decided round = ElectedFixture.decided(database, "rate", 2026);
    String rating = "/me/supervise/" + round.transport() + "/rating";
    String meCsrf = chenxl.csrf("/me");

    // Not open yet: refused.
    assertThat(
            chenxl.submit(rating, meCsrf, List.of(Map.entry("choice", "SATISFIED"))).statusCode())
        .isEqualTo(409);
    String csrf = admin.csrf();
    String base = "/admin/livelihood/" + round.round();
    assertThat(admin.submit(base + "/ratings/open", csrf, List.of()).statusCode()).isEqualTo(303);
    assertThat(admin.submit(base + "/ratings/open", csrf, List.of()).statusCode()).isEqualTo(409);

    // Each deputy once; who rated is kept apart from what they chose.
    assertThat(chenxl.get("/me/supervise").body()).contains("年终测评", "东门路路灯改造rate");
    assertThat(
            chenxl.submit(rating, meCsrf, List.of(Map.entry("choice", "SATISFIED"))).statusCode())
        .isEqualTo(303);
    HttpResponse<String> twice =
        chenxl.submit(rating, meCsrf, List.of(Map.entry("choice", "DISSATISFIED")));
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("您已经测评过这个项目");
    assertThat(
            zhaowd
                .submit(rating, zhaowd.csrf("/me"), List.of(Map.entry("choice", "DISSATISFIED")))
                .statusCode())
        .isEqualTo(303);
    // 刘桂芳 is a deputy of 白沙镇's congress, not the county's: refused in both languages, nothing
    // counted.
    assertThat(liugf.get("/me/supervise").body()).doesNotContain("东门路路灯改造rate");
    HttpResponse<String> outsider =
        liugf.submit(rating, liugf.csrf("/me"), List.of(Map.entry("choice", "DISSATISFIED")));
    assertThat(outsider.statusCode()).isEqualTo(403);
    assertThat(outsider.body()).contains("这不是您所在人代会的项目", "not your congress");
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_rating_deputy WHERE project_id = ?",
                round.transport()))
        .isEqualTo(2);
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_rating WHERE project_id = ? AND rater = 'DEPUTY'",
                round.transport()))
        .isEqualTo(2);

    // Residents, anonymous, on the public page: counted per project and address, refused past the
    // limit; a rating of no choice refused.
    String publicRating = "/livelihood/projects/" + round.transport() + "/rating";
    assertThat(resident.get("/livelihood").body()).contains(publicRating);
    HttpResponse<String> rated =
        resident.postForm(publicRating, List.of(Map.entry("choice", "BASICALLY_SATISFIED")));
    assertThat(rated.statusCode()).isEqualTo(303);
    assertThat(resident.get(rated.headers().firstValue("Location").orElseThrow()).body())
        .contains("谢谢您的测评");
    assertThat(hub.throttled("rating.code"))
        .contains("livelihood:" + round.transport() + "@127.0.0.1");
    assertThat(resident.postForm(publicRating, List.of(Map.entry("choice", "MAYBE"))).statusCode())
        .isEqualTo(422);
    for (int i = 0; i < 3; i++) {
      assertThat(
              resident
                  .postForm(publicRating, List.of(Map.entry("choice", "SATISFIED")))
                  .statusCode())
          .isEqualTo(303);
    }
    assertThat(
            resident.postForm(publicRating, List.of(Map.entry("choice", "SATISFIED"))).statusCode())
        .isEqualTo(429);
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_rating WHERE project_id = ? AND rater = 'RESIDENT'",
                round.transport()))
        .isEqualTo(4);

    // Closed: evaluated, no more ratings, the results public per year, deputies' and residents'
    // apart.
    assertThat(admin.submit(base + "/ratings/close", csrf, List.of()).statusCode()).isEqualTo(303);
    String state =
        database.withHandle(
            h ->
                h.createQuery("SELECT state FROM livelihood_round WHERE id = ?")
                    .bind(0, round.round())
                    .mapTo(String.class)
                    .one());
    assertThat(state).isEqualTo("EVALUATED");
    assertThat(
            resident
                .postForm(
                    "/livelihood/projects/" + round.housing() + "/rating",
                    List.of(Map.entry("choice", "SATISFIED")))
                .statusCode())
        .isEqualTo(409);
    String shown = resident.get("/livelihood").body();
    assertThat(shown)
        .contains("2026年度青溪县民生实事项目", "2025年度青溪县民生实事项目", "已测评")
        .doesNotContain(publicRating)
        // deputies: one satisfied, one dissatisfied; residents: 3 satisfied, 1 basically
        .contains("满意 1（50%） · 基本满意 0（0%） · 不满意 1（50%）")
        .contains("满意 3（75%） · 基本满意 1（25%） · 不满意 0（0%）")
        // the earlier year's result kept
        .contains("满意 1（100%） · 基本满意 0（0%） · 不满意 0（0%）");
    assertThat(admin.get(base + "/supervise").body()).contains("满意 3 · 基本满意 1 · 不满意 0（共 4）");
  }

  @Test
  void shouldTakeATownshipRoundsSupervisorsAndRatersFromThatTownshipsCongressOnly() {
    ElectedFixture.Decided round = ElectedFixture.decided(database, "baisha", 2026);
    database.useTransaction(
        h ->
            h.execute(
                "UPDATE livelihood_round SET township_id = 't-baisha' WHERE id = ?",
                round.round()));
    String page = "/admin/livelihood/" + round.round() + "/supervise/" + round.housing();
    String csrf = admin.csrf();

    // Offered: 白沙镇's township deputies (刘桂芳, 赵卫东, 孙丽娟), not the county's 陈秀兰 or 张德明.
    assertThat(admin.get(page).body())
        .contains("value=\"d-0006\"", "value=\"d-0007\"", "value=\"d-0010\"")
        .doesNotContain("value=\"d-0001\"", "value=\"d-0005\"");
    // A county deputy of another township: refused beside the field in both languages, counted,
    // nothing saved.
    long refusedBefore = hub.bean(BadInput.class).count("livelihood.supervisor", "refused");
    HttpResponse<String> county =
        admin.submit(page + "/supervisors", csrf, List.of(Map.entry("deputyId", "d-0001")));
    assertThat(county.statusCode()).isEqualTo(422);
    assertThat(county.body()).contains("请选择本级的一位代表", "Choose a deputy of this congress");
    assertThat(hub.bean(BadInput.class).count("livelihood.supervisor", "refused"))
        .isEqualTo(refusedBefore + 1);
    assertThat(supervisors(round.housing())).isEmpty();
    assertThat(
            admin
                .submit(page + "/supervisors", csrf, List.of(Map.entry("deputyId", "d-0006")))
                .statusCode())
        .isEqualTo(303);
    assertThat(supervisors(round.housing())).containsExactly("d-0006");

    // The ratings: 刘桂芳 of 白沙镇 rates; 陈秀兰 of the county is neither offered it nor counted.
    String base = "/admin/livelihood/" + round.round();
    assertThat(admin.submit(base + "/ratings/open", csrf, List.of()).statusCode()).isEqualTo(303);
    String rating = "/me/supervise/" + round.transport() + "/rating";
    assertThat(liugf.get("/me/supervise").body()).contains("东门路路灯改造baisha");
    assertThat(chenxl.get("/me/supervise").body()).doesNotContain("东门路路灯改造baisha");
    HttpResponse<String> refused =
        chenxl.submit(rating, chenxl.csrf("/me"), List.of(Map.entry("choice", "SATISFIED")));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("这不是您所在人代会的项目", "not your congress");
    assertThat(
            liugf
                .submit(rating, liugf.csrf("/me"), List.of(Map.entry("choice", "SATISFIED")))
                .statusCode())
        .isEqualTo(303);
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_rating WHERE project_id = ? AND rater = 'DEPUTY'",
                round.transport()))
        .isEqualTo(1);
    assertThat(
            count(
                "SELECT COUNT(*) FROM livelihood_rating_deputy WHERE project_id = ?",
                round.transport()))
        .isEqualTo(1);
  }

  // ---- helpers ----

  private void addDeputyAccount(
      String id, String username, String name, String deputyId, String station) {
    String hash = hub.bean(PasswordHasher.class).hash(DemoCounty.PASSWORD);
    database.useTransaction(
        h ->
            hub.bean(StaffAccountRepository.class)
                .insert(
                    h,
                    new Staff(
                        id,
                        username,
                        name,
                        Role.DEPUTY,
                        DemoCounty.COUNTY,
                        deputyId,
                        Set.of(station)),
                    hash));
  }

  private List<String> supervisors(String project) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT deputy_id FROM livelihood_supervisor WHERE project_id = ?")
                .bind(0, project)
                .mapTo(String.class)
                .list());
  }

  private HttpResponse<String> addMilestone(String page, String csrf, String title, String due) {
    return admin.submit(
        page + "/milestones", csrf, List.of(Map.entry("title", title), Map.entry("dueOn", due)));
  }

  private HttpResponse<String> report(
      StaffClient client,
      String csrf,
      String project,
      String percent,
      String text,
      String milestone,
      byte[] photo) {
    return client.multipart(
        "/dept/livelihood/" + project + "/progress",
        csrf,
        Map.of("percent", percent, "text", text, "milestoneId", milestone),
        photo == null
            ? List.of()
            : List.of(new StaffClient.FilePart("photo1", "road.png", "image/png", photo)));
  }

  private List<String> milestones(String project) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM livelihood_milestone WHERE project_id = ? ORDER BY due_on")
                .bind(0, project)
                .mapTo(String.class)
                .list());
  }

  private String doneOn(String milestone) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT done_on FROM livelihood_milestone WHERE id = ?")
                .bind(0, milestone)
                .mapTo(String.class)
                .one());
  }

  private int progress(String project) {
    return count("SELECT progress FROM livelihood_project WHERE id = ?", project);
  }

  private int reports(String project) {
    return count("SELECT COUNT(*) FROM livelihood_progress WHERE project_id = ?", project);
  }

  private String reportId(String project) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT id FROM livelihood_progress WHERE project_id = ?")
                .bind(0, project)
                .mapTo(String.class)
                .one());
  }

  private String photoOf(String project) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT f.sha256 FROM livelihood_progress_photo f"
                        + " JOIN livelihood_progress p ON p.id = f.progress_id WHERE p.project_id = ?")
                .bind(0, project)
                .mapTo(String.class)
                .one());
  }

  private int count(String sql, String value) {
    return database.withHandle(h -> h.createQuery(sql).bind(0, value).mapTo(Integer.class).one());
  }

  private static byte[] png(Color color) throws IOException {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
