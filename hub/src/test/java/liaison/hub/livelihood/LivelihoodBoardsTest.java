package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.demo.DemoDecided;
import liaison.hub.demo.DemoLivelihood;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.LivelihoodProject;
import liaison.signage.protocol.StationContent.LivelihoodRound;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The station boards of 民生实事 on a running hub with the demo county, on SQLite and PostgreSQL: the
 * snapshot each station's publisher sends carries the rounds collecting there (the township's
 * first) with their accepted proposals and the station's own proposal link, is published again when
 * a proposal is accepted or a round opened, and carries the elected projects of the decided rounds
 * reaching the station with their latest progress and next milestone.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivelihoodBoardsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Parameter TestDatabases.Store store;

  private RunningHub hub;

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private StationContent published(String stationId, Predicate<StationContent> until) {
    return LivelihoodCalls.published(hub, stationId, until);
  }

  private static Optional<LivelihoodRound> round(StationContent c, String level) {
    return c.livelihoodOrEmpty().rounds().stream().filter(r -> r.level().equals(level)).findFirst();
  }

  @Test
  void shouldPublishTheRoundsCollectingAtAStationAndPublishAgainWhenOneChanges() throws Exception {
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    StationContent chengguan = published("s-001", c -> round(c, "城关镇").isPresent());

    assertThat(chengguan.links().livelihood()).isEqualTo("https://hub.test/l/" + token);
    assertThat(chengguan.livelihoodOrEmpty().rounds())
        .as("the township's round first, then the county's")
        .extracting(LivelihoodRound::level)
        .containsExactly("城关镇", "青溪县");
    LivelihoodRound township = round(chengguan, "城关镇").orElseThrow();
    assertThat(township.categories()).contains("交通出行", "养老服务");
    assertThat(township.accepted()).isEqualTo(2);
    assertThat(township.acceptedTitles())
        .as("only what staff accepted is public")
        .containsExactly("社区老年食堂", "茶产业园园路硬化");
    assertThat(chengguan.playlistToPlay().entries())
        .extracting(Playlist.Entry::board)
        .contains(Board.LIVELIHOOD.name(), Board.LIVELIHOOD_PROGRESS.name());
    // 白沙镇's station is reached by the county's round only.
    assertThat(published("s-002", c -> true).livelihoodOrEmpty().rounds())
        .extracting(LivelihoodRound::level)
        .containsExactly("青溪县");

    // Accepting the resident's proposal from s-003 republishes the township's stations.
    StaffClient chengguanStaff = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    assertThat(
            chengguanStaff
                .api(
                    "POST",
                    "/api/livelihood/rounds/"
                        + DemoLivelihood.TOWNSHIP_ROUND
                        + "/proposals/lp-demo000002/decision",
                    "{\"decision\":\"ACCEPT\"}")
                .statusCode())
        .isEqualTo(200);
    for (String station : List.of("s-001", "s-003")) {
      assertThat(
              round(published(station, c -> round(c, "城关镇").orElseThrow().accepted() == 3), "城关镇")
                  .orElseThrow()
                  .acceptedTitles())
          .contains("老街排水管网改造");
    }

    // 白沙镇 opens its own round (for the year after next: the demo has its next year's): its
    // station gets it, first; 城关镇's stations do not.
    LocalDate today = LocalDate.now(SHANGHAI);
    StaffClient baisha = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    var opened =
        baisha.api(
            "POST",
            "/api/livelihood/rounds",
            """
            {"townshipId":"t-baisha","year":"%d","title":"白沙镇%d年民生实事项目征集",
             "opensOn":"%s","closesOn":"%s","categories":["ENVIRONMENT"]}
            """
                .formatted(today.getYear() + 2, today.getYear() + 2, today, today.plusDays(10)));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(
            published("s-002", c -> c.livelihoodOrEmpty().rounds().size() == 2)
                .livelihoodOrEmpty()
                .rounds())
        .extracting(LivelihoodRound::level, LivelihoodRound::categories)
        .containsExactly(
            tuple("白沙镇", List.of("生态环境")), tuple("青溪县", List.of("教育", "医疗卫生", "交通出行", "养老服务")));
    assertThat(published("s-001", c -> true).livelihoodOrEmpty().rounds())
        .extracting(LivelihoodRound::level)
        .containsExactly("城关镇", "青溪县");
  }

  @Test
  void shouldPublishTheElectedProjectsReachingAStationWithTheirLatestProgress() {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI);
    LocalDate today = now.toLocalDate();
    int year = today.getYear();
    ElectedProjects rows = new ElectedProjects(hub.bean(Database.class), now);
    rows.department("dept-lv-build", DemoCounty.COUNTY, "城关镇规划建设办");
    rows.decidedRound("lr-decided-cg", DemoCounty.COUNTY, "t-chengguan", year);
    rows.decidedRound("lr-decided-county", DemoCounty.COUNTY, null, year);
    rows.decidedRound("lr-decided-bs", DemoCounty.COUNTY, "t-baisha", year);
    rows.project("lpj-lift", "lr-decided-cg", 1, "老旧小区加装电梯", "dept-lv-build", "ELECTED", 0);
    rows.progress("lpg-1", "lpj-lift", 30, now.minusDays(20));
    rows.progress("lpg-2", "lpj-lift", 60, now.minusDays(2));
    rows.milestone("lm-1", "lpj-lift", 1, "完成招标", today.minusDays(40), today.minusDays(41));
    rows.milestone("lm-2", "lpj-lift", 2, "12台电梯安装完成", today.plusDays(30), null);
    rows.project("lpj-no", "lr-decided-cg", 2, "未当选的项目", null, "NOT_ELECTED", 0);
    rows.project("lpj-late", "lr-decided-county", 1, "乡村道路安全防护", null, "ELECTED", 10);
    rows.milestone("lm-3", "lpj-late", 1, "完成路面施工", today.minusDays(5), null);
    rows.project("lpj-bs", "lr-decided-bs", 1, "白沙镇集市改造", null, "ELECTED", 50);
    LivelihoodScreens screens = hub.bean(LivelihoodScreens.class);
    List.of("lr-decided-cg", "lr-decided-county", "lr-decided-bs").forEach(screens::changed);

    StationContent chengguan = published("s-001", c -> ours(c).size() == 2);

    assertThat(ours(chengguan))
        .as("the township's first; not the one not elected, not 白沙镇's")
        .extracting(
            LivelihoodProject::level,
            LivelihoodProject::title,
            LivelihoodProject::department,
            LivelihoodProject::percent,
            LivelihoodProject::stateZh)
        .containsExactly(
            tuple("城关镇", "老旧小区加装电梯", "城关镇规划建设办", 60, "进行中"),
            tuple("青溪县", "乡村道路安全防护", "", 10, "滞后"));
    assertThat(chengguan.livelihoodOrEmpty().projects())
        .as("the township's round before the county's, whose rounds include the demo's")
        .extracting(LivelihoodProject::level)
        .startsWith("城关镇")
        .containsOnly("城关镇", "青溪县")
        .contains("青溪县");
    assertThat(chengguan.livelihoodOrEmpty().projects())
        .as("the demo's decided county round reaches every station")
        .extracting(LivelihoodProject::id)
        .contains(DemoDecided.ROAD_PROJECT);
    LivelihoodProject lift = chengguan.livelihoodOrEmpty().projects().getFirst();
    assertThat(lift.milestone())
        .as("the next one not done")
        .isEqualTo(new StationContent.Milestone("12台电梯安装完成", today.plusDays(30), null));
    StationContent baisha = published("s-002", c -> ours(c).size() == 2);
    assertThat(ours(baisha))
        .extracting(LivelihoodProject::title)
        .containsExactly("白沙镇集市改造", "乡村道路安全防护");
    assertThat(baisha.livelihoodOrEmpty().projects().getFirst().title())
        .as("白沙镇's own round first")
        .isEqualTo("白沙镇集市改造");
  }

  /** This test's projects (the demo county has a decided round of this year of its own). */
  private static List<LivelihoodProject> ours(StationContent c) {
    return c.livelihoodOrEmpty().projects().stream()
        .filter(p -> p.id().startsWith("lpj-"))
        .toList();
  }
}
