package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liaison.hub.TestDatabases;
import liaison.hub.problem.ConflictProblem;
import liaison.testkit.TestClock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random sequences of steps against the real schema: a case never reaches a status the loop does
 * not allow, every step applied is in its timeline with who, from and to, and a refused step
 * changes nothing. On both stores: jqwik runs no JUnit {@code @ParameterizedClass}, so each store
 * has its property, over a database opened on the first try.
 */
class CaseTransitionsProperties {
  private static Path dir;
  private static final Map<TestDatabases.Store, CaseDatabase> DATABASES =
      new EnumMap<>(TestDatabases.Store.class);
  private static final TestClock CLOCK = TestClock.at("2026-03-02T09:00:00+08:00");

  @BeforeContainer
  static void open() throws IOException {
    dir = Files.createTempDirectory("case-properties");
  }

  private static CaseDatabase on(TestDatabases.Store store) {
    if (store == TestDatabases.Store.POSTGRESQL) {
      TestDatabases.assumePostgres();
    }
    return DATABASES.computeIfAbsent(
        store, s -> new CaseDatabase(s, dir.resolve(s.name().toLowerCase(Locale.ROOT)), CLOCK));
  }

  @AfterContainer
  static void close() throws IOException {
    DATABASES.values().forEach(CaseDatabase::close);
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Property(tries = 200)
  void randomStepsKeepTheCaseLegalAndEveryAppliedStepIsInTheTimelineOnSqlite(
      @ForAll("steps") List<CaseStatus> steps, @ForAll("actors") List<String> actors) {
    walk(on(TestDatabases.Store.SQLITE), steps, actors);
  }

  // Fewer walks: each statement is a round trip to the server (about 20 s for 200 on two cores).
  @Property(tries = 100)
  @AddLifecycleHook(liaison.hub.WhenPostgresAnswers.class)
  void randomStepsKeepTheCaseLegalAndEveryAppliedStepIsInTheTimelineOnPostgresql(
      @ForAll("steps") List<CaseStatus> steps, @ForAll("actors") List<String> actors) {
    walk(on(TestDatabases.Store.POSTGRESQL), steps, actors);
  }

  private static void walk(CaseDatabase db, List<CaseStatus> steps, List<String> actors) {
    OpinionCase c = db.submitted("路灯坏了");
    List<CaseStatus> walked = new ArrayList<>(List.of(CaseStatus.SUBMITTED));
    int applied = 0;
    for (int i = 0; i < steps.size(); i++) {
      CaseStatus to = steps.get(i);
      String actor = actors.get(i % actors.size());
      OpinionCase before = db.repository.find(c.id()).orElseThrow();
      int linesBefore = db.repository.events(c.id()).size();
      CLOCK.advance(java.time.Duration.ofMinutes(7));

      Throwable refused =
          catchThrowable(() -> db.cases.transition(c.id(), to, actor, "step " + to));

      OpinionCase after = db.repository.find(c.id()).orElseThrow();
      if (before.status().canBecome(to)) {
        assertThat(refused).isNull();
        applied++;
        walked.add(to);
        assertThat(after.status()).isEqualTo(to);
        assertThat(after.closedAt() != null)
            .as("closed_at set exactly when closed")
            .isEqualTo(to.isClosed());
        List<CaseEvent> lines = db.repository.events(c.id());
        assertThat(lines).hasSize(linesBefore + 1);
        CaseEvent last = lines.getLast();
        assertThat(last.from()).isEqualTo(before.status());
        assertThat(last.to()).isEqualTo(to);
        assertThat(last.actor()).isEqualTo(actor);
      } else {
        assertThat(refused).isInstanceOf(ConflictProblem.class);
        assertThat(((ConflictProblem) refused).zh())
            .contains(before.status().zh())
            .contains(to.zh());
        assertThat(after).as("a refused step changes nothing").isEqualTo(before);
        assertThat(db.repository.events(c.id())).hasSize(linesBefore);
      }
    }
    // The timeline replays the walk: submit, then exactly the applied steps, each from the previous
    // status.
    List<CaseEvent> lines = db.repository.events(c.id());
    assertThat(lines.getFirst().action()).isEqualTo("submit");
    List<CaseEvent> stepsInTimeline = lines.stream().filter(e -> e.to() != null).toList();
    assertThat(stepsInTimeline).hasSize(applied);
    for (int i = 0; i < stepsInTimeline.size(); i++) {
      assertThat(stepsInTimeline.get(i).from()).isEqualTo(walked.get(i));
      assertThat(stepsInTimeline.get(i).to()).isEqualTo(walked.get(i + 1));
      assertThat(walked.get(i).canBecome(walked.get(i + 1))).isTrue();
    }
  }

  @Provide
  Arbitrary<List<CaseStatus>> steps() {
    // Biased towards the loop's forward path so that long walks happen, with every status possible.
    Arbitrary<CaseStatus> forward =
        Arbitraries.of(
            CaseStatus.REGISTERED,
            CaseStatus.FORWARDED,
            CaseStatus.DEPARTMENT_REPLIED,
            CaseStatus.ANSWERED,
            CaseStatus.CLOSED,
            CaseStatus.REOPENED);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, forward),
            net.jqwik.api.Tuple.of(1, Arbitraries.of(CaseStatus.class)))
        .list()
        .ofMaxSize(25);
  }

  @Provide
  Arbitrary<List<String>> actors() {
    return Arbitraries.of("chengguan", "county", CaseEvent.RESIDENT, CaseEvent.SYSTEM)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }
}
