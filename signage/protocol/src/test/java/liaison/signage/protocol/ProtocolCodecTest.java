package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("security")
class ProtocolCodecTest {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  static List<Arguments> goldenFiles() {
    return List.of(
        Arguments.of(GoldenFiles.CONTENT, StationContent.class),
        Arguments.of(GoldenFiles.CONTENT_LIVELIHOOD, StationContent.class),
        Arguments.of(GoldenFiles.STATE, StationState.class),
        Arguments.of(GoldenFiles.EVENT, StationEvent.class),
        Arguments.of(GoldenFiles.ALERT, StationAlert.class),
        Arguments.of(GoldenFiles.COMMAND, StationCommand.class),
        Arguments.of(GoldenFiles.RESULT, CommandResult.class),
        Arguments.of(GoldenFiles.ENROLMENT_REQUEST, EnrolmentRequest.class),
        Arguments.of(GoldenFiles.ENROLMENT_TICKET, EnrolmentTicket.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenFiles")
  void shouldEncodeEachGoldenFileBackToTheSameJson(String file, Class<ProtocolMessage> type)
      throws Exception {
    byte[] golden = GoldenFiles.bytes(file);

    ProtocolMessage decoded = ProtocolCodec.decode(golden, type);
    byte[] encoded = ProtocolCodec.encode(decoded);

    JsonNode expected = PLAIN.readTree(golden);
    JsonNode actual = PLAIN.readTree(encoded);
    assertThat(actual).as("re-encoded %s", file).isEqualTo(expected);
    assertThat(ProtocolCodec.decode(encoded, type)).isEqualTo(decoded);
  }

  @Test
  void shouldReadTheGoldenSnapshotFieldByField() {
    StationContent content = GoldenFiles.content();

    assertThat(content.stationId()).isEqualTo("s-001");
    assertThat(content.version()).isEqualTo(42);
    assertThat(content.generatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T07:30:00+08:00"));
    assertThat(content.station().name()).isEqualTo("城关镇人大代表之家");
    assertThat(content.station().kind()).isEqualTo(StationKind.HOME);
    assertThat(content.deputies())
        .extracting(StationContent.Deputy::name)
        .containsExactly("陈秀兰", "黄志强");
    assertThat(content.deputies().get(0).levels())
        .containsExactly(DeputyLevel.PROVINCIAL, DeputyLevel.COUNTY);
    assertThat(content.deputies().get(0).highestLevel()).isEqualTo(DeputyLevel.PROVINCIAL);
    assertThat(content.deputies().get(1).phone()).as("no consent, no phone").isNull();
    StationContent.Reception first = content.receptions().get(0);
    assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 23));
    assertThat(first.start()).isEqualTo(LocalTime.of(9, 0));
    assertThat(first.deputyIds()).containsExactly("d-0001", "d-0002");
    assertThat(content.receptions().get(1).theme()).isNull();
    assertThat(content.notices().get(0).priority()).isEqualTo(NoticePriority.NORMAL);
    assertThat(content.links().opinion()).isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9");
    StationContent.Activity report = content.planOrEmpty().get(0);
    assertThat(report.date()).isEqualTo(LocalDate.of(2026, 11, 28));
    assertThat(report.kindZh()).isEqualTo("述职");
    assertThat(report.deputyIds()).containsExactly("d-0001", "d-0002");
    assertThat(content.planOrEmpty().get(1).notes()).isNull();
  }

  @Test
  void shouldReadTheLivelihoodSnapshotAndOneFromAnOlderHubWithoutIt() throws Exception {
    StationContent content = GoldenFiles.contentWithLivelihood();

    assertThat(content.links().livelihood()).isEqualTo("https://hub.example.cn/l/Xq7fK2mPw9");
    StationContent.Livelihood l = content.livelihoodOrEmpty();
    assertThat(l.rounds())
        .extracting(StationContent.LivelihoodRound::level)
        .containsExactly("城关镇", "青溪县");
    assertThat(l.rounds().getFirst().acceptedTitles()).hasSize(3).contains("老街农贸市场改造");
    assertThat(l.rounds().getFirst().closesOn()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(l.projects())
        .extracting(StationContent.LivelihoodProject::percent)
        .containsExactly(60, 100, 0);
    assertThat(l.projects().get(1).milestone().done()).isEqualTo(LocalDate.of(2026, 10, 28));
    assertThat(l.projects().get(2).milestone()).isNull();
    assertThat(content.playlistToPlay().entries())
        .extracting(Playlist.Entry::board)
        .contains("LIVELIHOOD", "LIVELIHOOD_PROGRESS");

    StationContent older = GoldenFiles.content();
    assertThat(older.livelihood()).isNull();
    assertThat(older.livelihoodOrEmpty().nothingToShow()).isTrue();
    assertThat(older.links().livelihood()).as("a hub before issue 21 sends no link").isNull();
    assertThat(new String(ProtocolCodec.encode(older), StandardCharsets.UTF_8))
        .as("none is not written, so an older station reads the same bytes as before")
        .doesNotContain("livelihood");
  }

  @Test
  void shouldRefuseALivelihoodPartThatCannotBeShown() {
    assertThatThrownBy(
            () ->
                new StationContent.LivelihoodProject(
                    "lp-1", "青溪县", 2026, "道路", "", 120, "进行中", "Under way", null))
        .hasMessageContaining("120% done");
    assertThatThrownBy(
            () ->
                new StationContent.LivelihoodRound(
                    "lr-1",
                    "青溪县",
                    2027,
                    "征集",
                    LocalDate.of(2026, 11, 30),
                    LocalDate.of(2026, 11, 1),
                    List.of(),
                    0,
                    List.of()))
        .hasMessageContaining("before it opens");
  }

  @Test
  void shouldReadASnapshotFromAHubWithoutThePlanAndAnActivityOfAKindAddedLater() throws Exception {
    ObjectNode older = (ObjectNode) PLAIN.readTree(GoldenFiles.bytes(GoldenFiles.CONTENT));
    older.remove("plan");
    assertThat(ProtocolCodec.decode(PLAIN.writeValueAsBytes(older), StationContent.class))
        .satisfies(c -> assertThat(c.plan()).isNull())
        .satisfies(c -> assertThat(c.planOrEmpty()).isEmpty());

    ObjectNode later = (ObjectNode) PLAIN.readTree(GoldenFiles.bytes(GoldenFiles.CONTENT));
    ObjectNode activity = (ObjectNode) later.withArray("plan").get(0);
    activity.put("kind", "HEARING").put("kindZh", "听证").remove("kindEn");
    StationContent read =
        ProtocolCodec.decode(PLAIN.writeValueAsBytes(later), StationContent.class);
    assertThat(read.planOrEmpty().get(0).kindZh()).isEqualTo("听证");
    assertThat(read.planOrEmpty().get(0).kindEn())
        .as("a missing word falls back")
        .isEqualTo("HEARING");
  }

  @Test
  void shouldCarryTheSoftwareTargetAndReadASnapshotWithoutOneAsOlderHubsSendIt() throws Exception {
    StationContent.Software software =
        new StationContent.Software(
            "0.3.0",
            List.of(
                new StationContent.Bundle(
                    "linux-aarch64",
                    "ab".repeat(32),
                    27_000_000,
                    "c2lnbmF0dXJl",
                    "/install/bundle?arch=linux-aarch64&version=0.3.0")));
    StationContent with = GoldenFiles.content().withSoftware(software);

    StationContent back = ProtocolCodec.decode(ProtocolCodec.encode(with), StationContent.class);

    assertThat(back.softwareIfAny()).contains(software);
    assertThat(back.softwareIfAny().orElseThrow().bundleFor("linux-aarch64")).isPresent();
    assertThat(back.softwareIfAny().orElseThrow().bundleFor("linux-x64"))
        .as("a processor the hub has no bundle for stays where it is")
        .isEmpty();
    assertThat(GoldenFiles.content().softwareIfAny()).as("the golden file has none").isEmpty();
    assertThat(new String(ProtocolCodec.encode(GoldenFiles.content()), StandardCharsets.UTF_8))
        .as("none is not written, so an older station reads the same bytes as before")
        .doesNotContain("software");
    assertThat(with.withVersion(43, with.generatedAt()).software()).isEqualTo(software);
  }

  @Test
  void shouldChangeOnlyTheFieldEachWithNamesAndKeepEveryOther() {
    StationContent c =
        GoldenFiles.content()
            .withDuty(StationContent.Duty.EMPTY)
            .withMedia(StationContent.Media.NONE);
    StationContent.Station renamed =
        new StationContent.Station(
            c.station().id(),
            "改名后的站点",
            c.station().kind(),
            c.station().township(),
            c.station().county(),
            c.station().address(),
            c.station().openingHours(),
            c.station().signPlate(),
            c.station().zone());
    StationContent.Links links =
        new StationContent.Links("https://x/o", "https://x/b", "https://x/p");
    Map<String, StationContent> changed =
        Map.of(
            "station", c.withStation(renamed),
            "deputies", c.withDeputies(List.of()),
            "receptions", c.withReceptions(List.of()),
            "notices", c.withNotices(List.of()),
            "links", c.withLinks(links),
            "playlist", c.withPlaylist(null));

    changed.forEach(
        (field, copy) ->
            assertThat(copy)
                .as(field)
                .usingRecursiveComparison()
                .ignoringFields(field)
                .isEqualTo(c));
    assertThat(changed.get("station").station().name()).isEqualTo("改名后的站点");
    assertThat(changed.get("deputies").deputies()).isEmpty();
    assertThat(changed.get("receptions").receptions()).isEmpty();
    assertThat(changed.get("notices").notices()).isEmpty();
    assertThat(changed.get("links").links()).isEqualTo(links);
    assertThat(changed.get("playlist").playlistIfAny()).isEmpty();
    assertThat(c.withPlaylist(c.playlist())).isEqualTo(c);
    assertThatThrownBy(
            () ->
                c.withStation(
                    new StationContent.Station(
                        "s-999",
                        renamed.name(),
                        renamed.kind(),
                        renamed.township(),
                        renamed.county(),
                        renamed.address(),
                        renamed.openingHours(),
                        renamed.signPlate(),
                        renamed.zone())))
        .as("checked again by the constructor: another station's description")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldKeepTheOffsetOfTimesAsWritten() {
    StationState state =
        ProtocolCodec.decode(GoldenFiles.bytes(GoldenFiles.STATE), StationState.class);

    assertThat(state.at().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
    assertThat(new String(ProtocolCodec.encode(state), StandardCharsets.UTF_8))
        .contains("\"at\":\"2026-11-23T08:01:12+08:00\"");
  }

  @Test
  void shouldRoundTripAnEventWithANestedBody() {
    StationEvent event =
        new StationEvent(
            UUID.fromString("0f8c2d4e-6a1b-4c3d-8e9f-1a2b3c4d5e6f"),
            "button.call",
            OffsetDateTime.parse("2026-11-23T10:00:00+08:00"),
            Map.of("pressedMillis", 850, "note", "请工作人员到前台 👋"));

    StationEvent back = ProtocolCodec.decode(ProtocolCodec.encode(event), StationEvent.class);

    assertThat(back).isEqualTo(event);
  }

  @Test
  void shouldIgnoreFieldsItDoesNotKnowSoTheHubCanAddFields() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.STATE), StandardCharsets.UTF_8)
            .replace("\"presence\"", "\"cpuTemperature\": 51.5, \"presence\"");

    StationState state =
        ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationState.class);

    assertThat(state.contentVersion()).isEqualTo(42);
  }

  @Test
  void shouldCarryTheStationsNamesOnAnEnrolmentTicketAndReadOneFromAnOlderHubWithout() {
    EnrolmentTicket named =
        ProtocolCodec.decode(
            GoldenFiles.bytes(GoldenFiles.ENROLMENT_TICKET), EnrolmentTicket.class);
    EnrolmentTicket older =
        new EnrolmentTicket(
            "K7QX-M4PD",
            "s-001",
            EnrolmentTicket.Status.WAITING,
            OffsetDateTime.parse("2026-11-23T10:30:00+08:00"));

    byte[] olderJson = ProtocolCodec.encode(older);

    assertThat(named.stationName()).isEqualTo("城关镇第一代表联络站");
    assertThat(named.township()).isEqualTo("城关镇");
    assertThat(new String(olderJson, StandardCharsets.UTF_8))
        .as("an older hub's ticket, as it always was")
        .doesNotContain("stationName", "township");
    EnrolmentTicket read = ProtocolCodec.decode(olderJson, EnrolmentTicket.class);
    assertThat(read).isEqualTo(older);
    assertThat(read.stationName()).isNull();
    assertThat(read.township()).isNull();
    assertThat(
            ProtocolCodec.decode(
                ProtocolCodec.encode(
                    new EnrolmentTicket(
                        "K7QX-M4PD",
                        "s-001",
                        EnrolmentTicket.Status.WAITING,
                        named.expiresAt(),
                        " 城关镇第一代表联络站 ",
                        " ")),
                EnrolmentTicket.class))
        .as("blank is none; names are trimmed")
        .isEqualTo(
            new EnrolmentTicket(
                "K7QX-M4PD",
                "s-001",
                EnrolmentTicket.Status.WAITING,
                named.expiresAt(),
                "城关镇第一代表联络站",
                null));
  }

  @Test
  void shouldCarryTheHubsBundleKeyOnAnEnrolledTicketAndNoneFromAnOlderHub() throws Exception {
    var pair =
        java.security.KeyPairGenerator.getInstance(BundleSignature.ALGORITHM).generateKeyPair();
    String pem = BundleSignature.pem(pair.getPublic());
    EnrolmentTicket enrolled =
        new EnrolmentTicket(
                "K7QX-M4PD",
                "s-001",
                EnrolmentTicket.Status.ENROLLED,
                OffsetDateTime.parse("2026-11-23T10:30:00+08:00"),
                "城关镇第一代表联络站",
                "城关镇")
            .withBundleKey(pem);

    EnrolmentTicket read =
        ProtocolCodec.decode(ProtocolCodec.encode(enrolled), EnrolmentTicket.class);

    assertThat(read).isEqualTo(enrolled);
    assertThat(BundleSignature.publicKey(read.bundleKey())).isEqualTo(pair.getPublic());
    assertThat(
            ProtocolCodec.decode(
                    GoldenFiles.bytes(GoldenFiles.ENROLMENT_TICKET), EnrolmentTicket.class)
                .bundleKey())
        .as("a ticket from a hub before the key")
        .isNull();
  }

  @Test
  void shouldLetAStationIgnoreTicketFieldsItDoesNotKnowAsAnOlderStationIgnoresTheNames() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.ENROLMENT_TICKET), StandardCharsets.UTF_8)
            .replace("\"township\"", "\"stationMotto\": \"为人民服务\", \"township\"");

    EnrolmentTicket ticket =
        ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class);

    assertThat(ticket.code()).isEqualTo("K7QX-M4PD");
    assertThat(ticket.status()).isEqualTo(EnrolmentTicket.Status.WAITING);
  }

  static List<Arguments> badContent() {
    return List.of(
        Arguments.of("bad/truncated.json", "not a valid StationContent"),
        Arguments.of("bad/missing-version.json", "missing field 'version'"),
        Arguments.of("bad/wrong-type.json", "wrong type at /version: expected an integer"),
        Arguments.of("bad/unknown-kind.json", "SPACESHIP"),
        Arguments.of(
            "bad/station-mismatch.json", "station.id 's-002' differs from stationId 's-001'"),
        Arguments.of(
            "bad/reception-ends-before-start.json", "ends at 09:00, not after its start 11:30"),
        Arguments.of("bad/not-an-object.json", "not a valid StationContent"),
        Arguments.of("bad/not-utf8.json", "not a valid StationContent"),
        Arguments.of(
            "bad/playlist-overlapping-dayparts.json",
            "dayparts 07:00—09:00 and 08:30—10:00 overlap"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badContent")
  void shouldRefuseBadContentSayingWhy(String file, String reason) {
    byte[] payload = GoldenFiles.bytes(file);

    assertThatThrownBy(() -> ProtocolCodec.decode(payload, StationContent.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void shouldListEveryBadFileInGoldenFiles() {
    assertThat(GoldenFiles.BAD_CONTENT)
        .containsExactlyInAnyOrderElementsOf(
            badContent().stream().map(a -> (String) a.get()[0]).toList());
  }

  @Test
  void shouldRefuseAnEmptyPayloadAndAnOversizedOne() {
    assertThatThrownBy(() -> ProtocolCodec.decode(new byte[0], StationContent.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessage("empty payload where a StationContent was expected");
    byte[] huge = new byte[ProtocolCodec.MAX_PAYLOAD_BYTES + 1];
    assertThatThrownBy(() -> ProtocolCodec.decode(huge, StationContent.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void shouldRefuseAnAlertThatIsNotUrgent() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.ALERT), StandardCharsets.UTF_8)
            .replace("\"URGENT\"", "\"NORMAL\"");

    assertThatThrownBy(
            () -> ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationAlert.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("an alert must be URGENT or EMERGENCY, was NORMAL");
  }

  @Test
  void shouldRefuseAnEventTypeThatIsNotADottedName() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.EVENT), StandardCharsets.UTF_8)
            .replace("\"satisfaction\"", "\"Satisfaction!\"");

    assertThatThrownBy(
            () -> ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationEvent.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("lower-case dotted name");
  }

  static List<Arguments> badCommands() {
    return java.util.Arrays.stream(GoldenFiles.BAD_COMMANDS)
        .map(r -> Arguments.of(r[0], r[1], r[2]))
        .toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommands")
  void shouldRefuseABadCommandOrResultSayingWhy(String file, String type, String reason) {
    Class<? extends ProtocolMessage> as =
        type.equals("StationCommand") ? StationCommand.class : CommandResult.class;

    assertThatThrownBy(() -> ProtocolCodec.decode(GoldenFiles.bytes(file), as))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("not a valid " + type)
        .hasMessageContaining(reason);
  }

  static List<Arguments> badStationMessages() {
    return java.util.Arrays.stream(GoldenFiles.BAD_STATION_MESSAGES)
        .map(r -> Arguments.of(r[0], r[1], r[2]))
        .toList();
  }

  @ParameterizedTest(name = "{0} as {1}: {2}")
  @MethodSource("badStationMessages")
  void shouldRefuseEveryKindOfBadStationMessageWithItsReason(
      String file, String type, String reason) {
    byte[] payload = GoldenFiles.bytes(file);

    assertThatThrownBy(() -> ProtocolCodec.decode(payload, GoldenFiles.messageType(type)))
        .isInstanceOf(ProtocolException.class)
        .hasMessageStartingWith("not a valid " + type)
        .satisfies(e -> assertThat(((ProtocolException) e).reason().word()).isEqualTo(reason))
        .as("a refusal names no Java class")
        .hasMessageNotContaining("liaison.")
        .hasMessageNotContaining("java.");
  }

  static List<Arguments> wrongTypes() {
    String at = "\"at\": \"2026-11-23T10:20:00+08:00\"";
    String id = "\"id\": \"3c9e6f1a-8b2d-4e7f-9a1c-5d4e3f2a1b0c\"";
    return List.of(
        Arguments.of(
            "{" + id + ", \"type\": true, " + at + "}", "wrong type at /type: expected text"),
        Arguments.of(
            "{" + id + ", \"type\": 1.5, " + at + "}", "wrong type at /type: expected text"),
        Arguments.of(
            "{" + id + ", \"type\": {}, " + at + "}", "wrong type at /type: expected text"),
        Arguments.of(
            "{\"id\": 5, \"type\": \"a\", " + at + "}",
            "wrong type at /id: expected a UUID as text"),
        Arguments.of(
            "{" + id + ", \"type\": \"a\", \"at\": [2026, 11, 23, 10, 20]}",
            "wrong type at /at: expected a time as text"),
        Arguments.of(
            "{" + id + ", \"type\": \"a\", " + at + ", \"body\": [1]}",
            "wrong type at /body: expected an object"),
        Arguments.of(
            "{" + id + ", \"type\": \"a\", " + at + ", \"body\": \"x\"}",
            "wrong type at /body: expected an object"),
        Arguments.of(
            "{"
                + id
                + ", \"type\": \"a\", "
                + at
                + ", \"body\": {\"n\": 123456789012345678901234567890}}",
            "the number at /body/n is beyond a 64-bit integer"),
        Arguments.of(
            "{" + id + ", \"type\": \"a\", " + at + ", \"body\": {\"n\": " + "9".repeat(70) + "}}",
            "more than 64 characters"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wrongTypes")
  void shouldRefuseAFieldOfTheWrongJsonTypeSayingWhereAndWhatWasExpected(
      String json, String reason) {
    assertThatThrownBy(
            () -> ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationEvent.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void shouldRefuseWhiteSpaceAndTwoValuesAsNotOneMessage() {
    assertThatThrownBy(
            () -> ProtocolCodec.decode(" \n ".getBytes(StandardCharsets.UTF_8), StationEvent.class))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.EMPTY));
    byte[] two =
        (new String(GoldenFiles.bytes(GoldenFiles.EVENT), StandardCharsets.UTF_8) + " {}")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ProtocolCodec.decode(two, StationEvent.class))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.NOT_JSON));
    assertThatThrownBy(() -> ProtocolCodec.decode(null, StationEvent.class))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.EMPTY));
  }

  @Test
  void shouldStillTakeAnIntegerWhereANumberBelongsAndAnEventBodyNestedAsDeepAsAllowed() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.STATE), StandardCharsets.UTF_8)
            .replace("51.3", "51");
    assertThat(
            ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationState.class)
                .telemetry()
                .cpuCelsius())
        .isEqualTo(51.0);
    // The event is level 1, its body level 2: the body and the objects in it fill levels 2 to the
    // limit.
    String body =
        "{\"a\": ".repeat(ProtocolCodec.MAX_NESTING - 1)
            + "1"
            + "}".repeat(ProtocolCodec.MAX_NESTING - 1);
    String event =
        "{\"id\": \"3c9e6f1a-8b2d-4e7f-9a1c-5d4e3f2a1b0c\", \"type\": \"a\", \"at\": \"2026-11-23T10:20:00+08:00\", \"body\": "
            + body
            + "}";
    assertThat(
            ProtocolCodec.decode(event.getBytes(StandardCharsets.UTF_8), StationEvent.class).body())
        .containsKey("a");
    String deeper = event.replace("\"body\": ", "\"body\": {\"a\": ").replaceFirst("}$", "}}");
    assertThatThrownBy(
            () -> ProtocolCodec.decode(deeper.getBytes(StandardCharsets.UTF_8), StationEvent.class))
        .isInstanceOfSatisfying(
            ProtocolException.class,
            e -> assertThat(e.reason()).isEqualTo(ProtocolException.Reason.TOO_DEEP));
  }

  @Test
  void shouldReadTheGoldenCommandWithItsUploadArguments() {
    StationCommand command = GoldenFiles.command();

    assertThat(command.known()).contains(CommandName.SCREENSHOT);
    assertThat(command.args()).containsKeys(StationCommand.UPLOAD_URL, StationCommand.UPLOAD_TOKEN);
    assertThat(command.expired(command.issuedAt().plusSeconds(59))).isFalse();
    assertThat(command.expired(command.expiresAt())).isTrue();
  }

  @Test
  void shouldStillReadACommandWhoseNameThisVersionDoesNotKnowSoTheStationCanRefuseIt() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.COMMAND), StandardCharsets.UTF_8)
            .replace("\"SCREENSHOT\"", "\"DANCE\"");

    StationCommand command =
        ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationCommand.class);

    assertThat(command.name()).isEqualTo("DANCE");
    assertThat(command.known()).isEmpty();
  }

  @Test
  void shouldRefuseACommandNameThatIsNotACommandName() {
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.COMMAND), StandardCharsets.UTF_8)
            .replace("\"SCREENSHOT\"", "\"rm -rf /\"");

    assertThatThrownBy(
            () -> ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationCommand.class))
        .isInstanceOf(ProtocolException.class)
        .hasMessageContaining("upper-case command name");
  }
}
