package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Collecting livelihood projects (征集) on both stores: who opens a round at each level, residents'
 * proposals from a station's form (the round must reach the station and be within its dates),
 * staff's entries, an opinion turned into a proposal without its contact or words, accepting (only
 * accepted proposals are public), and bad input refused field by field, nothing saved, counted.
 */
@OnBothStores
class LivelihoodCollectTest {
  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-12-05T09:00:00+08:00");
  private final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private final Staff chengguan =
      new Staff("u-cg", "chengguan", "城关镇", Role.STATION_MANAGER, "c-1", null, Set.of("s-001"));
  private final Staff deputy =
      new Staff("u-d", "chenxl", "陈秀兰", Role.DEPUTY, "c-1", "d-0001", Set.of("s-001"));

  private TestStore db;
  private Database database;
  private BadInput badInput;
  private StationRepository stations;
  private LivelihoodRepository repository;
  private Rounds rounds;
  private Proposals proposals;

  @BeforeEach
  void open() {
    db = TestStore.migrated(store, dir.resolve("db"));
    database = db.database();
    database.useTransaction(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-1', 'c-1', '城关镇')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-2', 'c-1', '白沙镇')");
          for (String[] s :
              List.of(
                  new String[] {"s-001", "t-1", "城关镇人大代表之家", "tok-1"},
                  new String[] {"s-002", "t-2", "白沙镇人大代表之家", "tok-2"})) {
            h.createUpdate(
                    "INSERT INTO station (id, township_id, name, kind, public_token, created_at,"
                        + " updated_at) VALUES (:id, :t, :name, 'HOME', :tok,"
                        + " '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')")
                .bind("id", s[0])
                .bind("t", s[1])
                .bind("name", s[2])
                .bind("tok", s[3])
                .execute();
          }
          h.execute(
              "INSERT INTO deputy (id, name, county_id, created_at, updated_at)"
                  + " VALUES ('d-0001', '陈秀兰', 'c-1', '2026-01-01T00:00:00+08:00',"
                  + " '2026-01-01T00:00:00+08:00')");
          for (String[] c :
              List.of(
                  new String[] {"case-1", "s-001", "QX7K-M4PD-2Q4K"},
                  new String[] {"case-2", "s-002", "QX7K-M4PD-3R5L"})) {
            h.createUpdate(
                    "INSERT INTO opinion_case (id, tracking_code, station_id, category, text,"
                        + " status, submitted_at, updated_at) VALUES (:id, :code, :station,"
                        + " 'TRANSPORT', '我家门口李大爷说路灯坏了三个月，电话13900139000',"
                        + " 'SUBMITTED', '2026-11-01T10:00:00+08:00', '2026-11-01T10:00:00+08:00')")
                .bind("id", c[0])
                .bind("station", c[1])
                .bind("code", c[2])
                .execute();
          }
        });
    badInput = new BadInput(clock);
    stations = new StationRepository(database, clock);
    Access access = new Access(stations);
    repository = new LivelihoodRepository(database);
    rounds =
        new Rounds(
            database,
            repository,
            access,
            badInput,
            clock,
            new LivelihoodScreens(stations, repository, changed -> {}));
    proposals =
        new Proposals(
            database,
            repository,
            rounds,
            new PhotoStore(
                new HubConfig(8080, "127.0.0.1", dir.resolve("data").toString(), "", "never")),
            stations,
            new DeputyRepository(database, clock),
            new CaseRepository(database),
            access,
            badInput,
            clock);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Round township(Staff staff, String townshipId) {
    return rounds.open(
        staff,
        new Rounds.Draft(
            townshipId,
            "2027",
            "2027年度民生实事项目征集",
            "2026-12-01",
            "2026-12-31",
            List.of("TRANSPORT", "URBAN_RURAL")));
  }

  private StationPlace station(String id) {
    return stations.find(id).orElseThrow();
  }

  private static Proposals.Words words(String title) {
    return new Proposals.Words("TRANSPORT", title, "雨天泥泞，村民去茶园不便，希望硬化 900 米。", "路花村");
  }

  private static List<String> fields(ValidationProblem problem) {
    return problem.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void shouldLetEachLevelOpenItsOwnRoundOnlyAndRefuseABadOneFieldByField() {
    Round county =
        rounds.open(
            admin,
            new Rounds.Draft("", "2027", "县级民生实事", "2026-12-01", "2026-12-31", List.of("HEALTH")));
    Round mine = township(chengguan, "t-1");

    assertThat(county.isCounty()).isTrue();
    assertThat(mine.townshipName()).isEqualTo("城关镇");
    assertThat(mine.categories())
        .extracting(Enum::name)
        .containsExactly("TRANSPORT", "URBAN_RURAL");
    // The manager reads the county's round but does not change it; another township's is not
    // theirs.
    assertThat(rounds.list(chengguan)).extracting(Round::id).contains(county.id(), mine.id());
    assertThat(rounds.mayChange(chengguan, county)).isFalse();
    assertThat(rounds.mayChange(chengguan, mine)).isTrue();
    Round baisha = township(admin, "t-2");
    assertThatThrownBy(() -> rounds.get(chengguan, baisha.id()))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(() -> rounds.list(deputy)).isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(
            () ->
                rounds.open(
                    chengguan,
                    new Rounds.Draft(
                        "", "2027", "县级", "2026-12-01", "2026-12-31", List.of("HEALTH"))))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("townshipId"));

    assertThatThrownBy(
            () ->
                rounds.open(
                    chengguan,
                    new Rounds.Draft(
                        "t-9", "1999", " ", "2026-12-31", "2026-12-01", List.of("LEGAL"))))
        .isInstanceOfSatisfying(
            ValidationProblem.class,
            p -> {
              assertThat(fields(p))
                  .containsExactly("townshipId", "year", "title", "closesOn", "categories");
              // Chinese first, English beside it, for every field.
              assertThat(p.errors()).allSatisfy(e -> assertThat(e.zh()).isNotEqualTo(e.en()));
            });
    assertThat(repository.rounds("c-1")).hasSize(3);
    assertThat(badInput.count("livelihood.round", "refused")).isEqualTo(2);
    // One round per level and year.
    assertThatThrownBy(() -> township(admin, "t-1"))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("year"));
  }

  @Test
  void shouldTakeAResidentsProposalShowItOnlyOnceAcceptedAndRefuseBadOnesSavingNothing()
      throws IOException {
    Round round = township(chengguan, "t-1");

    Proposal sent =
        proposals.submit(
            station("s-001"),
            new Proposals.ResidentDraft(
                round.id(), words("茶产业园园路硬化"), List.of(png(), new byte[0], new byte[0])));

    assertThat(sent.source()).isEqualTo(ProposalSource.RESIDENT);
    assertThat(sent.status()).isEqualTo(ProposalStatus.SUBMITTED);
    assertThat(sent.photos()).hasSize(1);
    assertThat(sent.stationId()).isEqualTo("s-001");
    assertThat(proposals.accepted(round.id())).isEmpty();
    assertThat(proposals.list(chengguan, round.id()))
        .extracting(Proposal::id)
        .containsExactly(sent.id());

    Proposal accepted =
        proposals.decide(chengguan, round.id(), sent.id(), new Proposals.Decision("ACCEPT", null));

    assertThat(accepted.status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(proposals.accepted(round.id()))
        .extracting(Proposal::title)
        .containsExactly("茶产业园园路硬化");

    Round cheng = round;
    // 白沙镇's station is not in 城关镇's round.
    assertThatThrownBy(
            () ->
                proposals.submit(
                    station("s-002"),
                    new Proposals.ResidentDraft(cheng.id(), words("路灯"), List.of())))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("roundId"));
    // A round opening next month takes nothing yet.
    Round later =
        rounds.open(
            admin,
            new Rounds.Draft(
                "t-2", "2027", "白沙镇征集", "2027-01-01", "2027-01-31", List.of("TRANSPORT")));
    assertThat(rounds.collectingAt(station("s-002"))).isEmpty();
    assertThatThrownBy(
            () ->
                proposals.submit(
                    station("s-002"),
                    new Proposals.ResidentDraft(later.id(), words("路灯"), List.of())))
        .isInstanceOf(ValidationProblem.class);
    assertThat(repository.proposals(cheng.id(), null)).hasSize(1);
    assertThat(repository.proposals(later.id(), null)).isEmpty();

    Proposals.ResidentDraft bad =
        new Proposals.ResidentDraft(
            round.id(),
            new Proposals.Words("HEALTH", "", "字".repeat(1001), "地".repeat(81)),
            List.of(new byte[] {1, 2, 3}));
    long refused = badInput.count(Proposals.SOURCE, "refused");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> proposals.submit(station("s-001"), bad))
          .isInstanceOfSatisfying(
              ValidationProblem.class,
              p ->
                  assertThat(fields(p))
                      .containsExactly("category", "title", "description", "place", "photo1"));
    }
    assertThat(repository.proposals(round.id(), null)).hasSize(1);
    assertThat(badInput.count(Proposals.SOURCE, "refused")).isEqualTo(refused + 2);
  }

  @Test
  void shouldTurnOpinionsIntoProposalsWithoutTheirWordsAndLetStaffEnterAtTheirLevel() {
    Round round = township(chengguan, "t-1");
    assertThat(proposals.opinionsToPropose(chengguan, round))
        .extracting(OpinionChoice::caseId)
        .containsExactly("case-1");

    Proposal made =
        proposals.fromOpinion(
            chengguan, round.id(), new Proposals.FromOpinion("case-1", words("城关镇路灯修复")));

    assertThat(made.source()).isEqualTo(ProposalSource.OPINION);
    assertThat(made.opinionCaseId()).isEqualTo("case-1");
    assertThat(made.status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(made.title() + made.description() + made.place())
        .doesNotContain("李大爷")
        .doesNotContain("13900139000");
    assertThat(proposals.opinionsToPropose(chengguan, round)).isEmpty();
    // Once per round; and 白沙镇's opinion is not of this round's area.
    assertThatThrownBy(
            () ->
                proposals.fromOpinion(
                    chengguan, round.id(), new Proposals.FromOpinion("case-1", words("再转一次"))))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("caseId"));
    assertThatThrownBy(
            () ->
                proposals.fromOpinion(
                    admin, round.id(), new Proposals.FromOpinion("case-2", words("白沙"))))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("caseId"));
    assertThat(repository.proposals(round.id(), null)).hasSize(1);

    Round county =
        rounds.open(
            admin,
            new Rounds.Draft(
                "", "2027", "县级民生实事", "2026-12-01", "2026-12-31", List.of("TRANSPORT")));
    Round mine = round;

    Proposal heard =
        proposals.enter(
            chengguan,
            mine.id(),
            new Proposals.StaffDraft("RECEPTION", "s-001", null, words("村道加装路灯")));
    Proposal deputys =
        proposals.enter(
            admin, county.id(), new Proposals.StaffDraft("DEPUTY", "", "d-0001", words("县道拓宽")));

    assertThat(heard.status()).isEqualTo(ProposalStatus.ACCEPTED);
    assertThat(heard.enteredBy()).isEqualTo("u-cg");
    assertThat(deputys.deputyId()).isEqualTo("d-0001");
    assertThat(deputys.stationId()).isNull();
    assertThatThrownBy(
            () ->
                proposals.enter(
                    chengguan,
                    county.id(),
                    new Proposals.StaffDraft("RECEPTION", "s-001", null, words("县级"))))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(
            () ->
                proposals.enter(
                    chengguan,
                    mine.id(),
                    new Proposals.StaffDraft("RECEPTION", "s-002", null, words("白沙"))))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("stationId"));
  }

  @Test
  void shouldStopTakingProposalsOnceCollectionClosesButLetStaffStillDecide() {
    Round round = township(chengguan, "t-1");
    Proposal sent =
        proposals.submit(
            station("s-001"), new Proposals.ResidentDraft(round.id(), words("路灯"), List.of()));

    Round reviewing = rounds.closeCollection(chengguan, round.id());

    assertThat(reviewing.state()).isEqualTo(RoundState.REVIEWING);
    assertThat(rounds.collectingAt(station("s-001"))).isEmpty();
    assertThatThrownBy(() -> rounds.closeCollection(chengguan, round.id()))
        .isInstanceOf(ConflictProblem.class);
    assertThatThrownBy(
            () ->
                proposals.enter(
                    chengguan,
                    round.id(),
                    new Proposals.StaffDraft("RECEPTION", "s-001", null, words("晚了"))))
        .isInstanceOf(ConflictProblem.class);
    assertThatThrownBy(
            () ->
                proposals.decide(
                    chengguan, round.id(), sent.id(), new Proposals.Decision("SET_ASIDE", " ")))
        .isInstanceOfSatisfying(
            ValidationProblem.class, p -> assertThat(fields(p)).containsExactly("note"));
    Proposal aside =
        proposals.decide(
            chengguan, round.id(), sent.id(), new Proposals.Decision("SET_ASIDE", "已列入县级计划"));
    assertThat(aside.status()).isEqualTo(ProposalStatus.SET_ASIDE);
    assertThat(aside.statusNote()).isEqualTo("已列入县级计划");
    assertThat(rounds.publicRounds()).extracting(Round::id).containsExactly(round.id());
    assertThat(proposals.accepted(round.id())).isEmpty();
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, Color.RED.getRGB());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
