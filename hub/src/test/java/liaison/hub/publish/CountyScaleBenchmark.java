package liaison.hub.publish;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.broker.BrokerClient;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationKind;
import liaison.testkit.Benchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county of 150 stations and 2,000 deputies (a receptions slot per station and day for two weeks,
 * notices for the county and each township): how long one station's snapshot takes to build, and
 * how long a change that touches every station takes until all 150 new versions are published.
 */
class CountyScaleBenchmark {
  private static final int STATIONS = Benchmarks.count(150, 3);
  private static final int DEPUTIES = Benchmarks.count(2_000, 12);
  private static final int TOWNSHIPS = Benchmarks.count(10, 2);
  private static final String COUNTY = "c-scale";

  @TempDir Path dir;

  @Test
  void buildAndPublishACounty() throws Exception {
    try (RunningHub hub = RunningHub.start(dir, Map.of("hub.demo", "never"))) {
      Benchmarks.waitUntil(() -> hub.bean(BrokerClient.class).isConnected(), "the hub's client");
      fill(hub);
      ContentPublisher publisher = hub.bean(ContentPublisher.class);
      PublicationRepository publications = hub.bean(PublicationRepository.class);
      SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);
      List<String> ids = hub.bean(StationRepository.class).allIds();
      publisher.allChanged();
      Benchmarks.waitUntil(
          () -> publications.all().size() == STATIONS && publisher.idle(),
          "the first 150 publications");

      // One station's snapshot: build, and encode to JSON (the baseline: what any publish costs).
      List<Long> build = new ArrayList<>();
      List<Long> encode = new ArrayList<>();
      int bytes = 0;
      for (int round = 0; round < 4; round++) {
        for (String id : ids) {
          long t0 = System.nanoTime();
          StationContent content = builder.build(id, 1, OffsetDateTime.now()).orElseThrow();
          long t1 = System.nanoTime();
          byte[] json = ProtocolCodec.encode(content);
          long t2 = System.nanoTime();
          if (round > 0) {
            build.add(t1 - t0);
            encode.add(t2 - t1);
            bytes = Math.max(bytes, json.length);
          }
        }
      }

      // A county-wide notice: every station rebuilds and publishes a new version.
      Map<String, Long> before = new java.util.HashMap<>();
      publications.all().forEach(p -> before.put(p.stationId(), p.version()));
      long start = System.nanoTime();
      hub.bean(liaison.hub.db.Database.class)
          .useHandle(
              h ->
                  hub.bean(NoticeRepository.class)
                      .insert(
                          h,
                          new Notice(
                              "n-scale-2",
                              "全县代表接待日调整",
                              "本月起接待日调整为每周二。",
                              NoticePriority.NORMAL,
                              OffsetDateTime.now().minusMinutes(1),
                              OffsetDateTime.now().plusDays(10),
                              Notice.Target.ALL,
                              null,
                              List.of(),
                              "县人大常委会",
                              COUNTY)));
      publisher.allChanged();
      Benchmarks.waitUntil(
          () -> publications.all().stream().allMatch(p -> p.version() > before.get(p.stationId())),
          "all 150 new versions");
      double seconds = (System.nanoTime() - start) / 1e9;

      String report =
          Benchmarks.table(
                  "one station's snapshot ("
                      + DEPUTIES / STATIONS
                      + "+ deputies, 14 receptions, "
                      + (TOWNSHIPS > 0 ? 3 : 0)
                      + " notices, up to "
                      + bytes
                      + " bytes), "
                      + build.size()
                      + " builds",
                  List.of(
                      new Benchmarks.Series(
                          "encode to JSON only",
                          encode.stream().mapToLong(Long::longValue).toArray()),
                      new Benchmarks.Series(
                          "build from SQLite (queries + assembly)",
                          build.stream().mapToLong(Long::longValue).toArray())))
              + String.format(
                  "county-wide change → %d new versions published (retained, QoS 1): %.2f s, %.1f stations/s%n",
                  STATIONS, seconds, STATIONS / seconds);
      Benchmarks.record("county-scale", report);
    }
  }

  private static void fill(RunningHub hub) {
    StationRepository stations = hub.bean(StationRepository.class);
    DeputyRepository deputies = hub.bean(DeputyRepository.class);
    ReceptionRepository receptions = hub.bean(ReceptionRepository.class);
    NoticeRepository notices = hub.bean(NoticeRepository.class);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    DeputyLevel[] levels = DeputyLevel.values();
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              stations.insertCounty(h, COUNTY, "规模县");
              for (int t = 0; t < TOWNSHIPS; t++) {
                stations.insertTownship(h, "t-" + t, COUNTY, "第" + t + "镇");
              }
              for (int s = 0; s < STATIONS; s++) {
                stations.insert(
                    h,
                    new Station(
                        String.format("s-%03d", s),
                        "t-" + s % TOWNSHIPS,
                        "第" + s + "号人大代表工作站",
                        StationKind.values()[s % StationKind.values().length],
                        "规模县某路" + s + "号",
                        "周一至周五 9:00—17:00",
                        "第" + s + "号工作站",
                        null,
                        null,
                        PublicTokens.next()));
              }
              for (int d = 0; d < DEPUTIES; d++) {
                String id = String.format("d-%05d", d);
                deputies.insert(
                    h,
                    COUNTY,
                    new Deputy(
                        id,
                        "代表" + d,
                        List.of(levels[d % levels.length]),
                        "第" + d % 40 + "选区",
                        "职业" + d % 17,
                        "单位" + d % 97,
                        List.of("教育", "医疗卫生"),
                        null,
                        null,
                        false));
                deputies.assign(h, String.format("s-%03d", d % STATIONS), id);
                if (d % 10 == 0) {
                  deputies.assign(h, String.format("s-%03d", (d + 7) % STATIONS), id);
                }
              }
              for (int s = 0; s < STATIONS; s++) {
                String station = String.format("s-%03d", s);
                for (int day = 0; day < 14; day++) {
                  receptions.insert(
                      h,
                      new ReceptionSlot(
                          String.format("r-%03d-%02d", s, day),
                          station,
                          today.plusDays(day),
                          LocalTime.of(9, 0),
                          LocalTime.of(11, 30),
                          day % 3 == 0 ? "主题接待" : null,
                          "接待室",
                          ReceptionStatus.ANNOUNCED,
                          List.of(
                              String.format("d-%05d", s), String.format("d-%05d", s + STATIONS))));
                }
              }
              notices.insert(
                  h,
                  new Notice(
                      "n-scale-1",
                      "全县公告",
                      "正文".repeat(100),
                      NoticePriority.NORMAL,
                      OffsetDateTime.now().minusDays(1),
                      OffsetDateTime.now().plusDays(10),
                      Notice.Target.ALL,
                      null,
                      List.of(),
                      "县人大常委会",
                      COUNTY));
              for (int t = 0; t < TOWNSHIPS; t++) {
                notices.insert(
                    h,
                    new Notice(
                        "n-t" + t,
                        "乡镇公告" + t,
                        "正文",
                        NoticePriority.NORMAL,
                        OffsetDateTime.now().minusDays(1),
                        OffsetDateTime.now().plusDays(10),
                        Notice.Target.TOWNSHIP,
                        "t-" + t,
                        List.of(),
                        "乡镇人大",
                        COUNTY));
              }
            });
  }
}
