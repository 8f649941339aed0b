package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.enrol.EnrolmentPanel;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.loop.OnScreen.Vote;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.player.qr.SignInCodeView;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.ContentAge;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.schedule.ReceptionCalendar;

/**
 * The signage screen: the station's sign plate with the date and time on top, and below it what the
 * loop has on screen, a page at a time when a board holds more than a screenful. Sized for reading
 * from three metres: the root font is {@link #BASE_PX} on a 1080-pixel short side and no text is
 * smaller than {@link #MIN_TEXT_PX} (see docs/SCREENS.md), scaled with the screen. A screen that
 * has not heard the hub for {@link ContentAge#STALE_AFTER} says how old its content is, under the
 * date. A manager's media slide is drawn under the same header ({@link MediaBoard}): the station's
 * name and the time stay on screen whatever plays.
 */
public final class SignageScreen {
  /** The root font size on a screen whose short side is 1080 pixels. */
  public static final double BASE_PX = 56;

  /** The smallest text on any board, on a 1080-pixel short side: 0.8 em. */
  public static final double MIN_TEXT_PX = 44.8;

  static final Bilingual SYNCING = Bilingual.of("内容同步中", "Content on its way");
  static final Bilingual SYNCING_TEXT =
      Bilingual.of(
          "本站的接待安排、进站代表和通知公告正在送达，请稍候",
          "This station's receptions, deputies and notices are on their way");
  static final Bilingual WAITING = Bilingual.of("等待登记", "Waiting to be enrolled");
  static final String GENERIC_PLATE = "人大代表联络站";

  private final Portraits portraits;
  private final StackPane root = new StackPane();
  private final Label plate = new Label();
  private final Label time = fixed("time", "");
  private final Label date = fixed("date", "");
  private final Label ageZh = fixed("content-age", "");
  private final Label ageEn = fixed("content-age", "");
  private final VBox age = new VBox(ageZh, ageEn);
  private final StackPane body = new StackPane();
  private final VBox when = new VBox(time, date, age);
  private final HBox header = new HBox();

  /** The enrolment code, while the screen has no credentials: a band under the board. */
  private final VBox enrolment = new VBox();

  private Optional<EnrolmentPanel> enrolmentShown = Optional.empty();
  private final Clock clock;

  private OnScreen onScreen;
  private Optional<StationContent> content = Optional.empty();
  private Optional<StationName> known = Optional.empty();
  private LinkStatus link;
  private boolean portrait;
  private double fontPx;

  /** The slide drawn, and how many pages its board took at the last layout. */
  private Optional<Slide> drawn = Optional.empty();

  private Optional<ReadOnlyIntegerProperty> drawnPages = Optional.empty();

  /** Where the media slides' files are, and who hears of a file that cannot be played. */
  private MediaFiles mediaFiles = MediaFiles.NONE;

  private Consumer<String> mediaFailed = sha256 -> {};

  /** The media slide on screen, kept while it stays (a video plays on through a redraw). */
  private Optional<MediaBoard> mediaShown = Optional.empty();

  /** Videos' players kept between their slides' turns. */
  private final MediaBoard.Players videoPlayers = new MediaBoard.Players();

  public SignageScreen(Clock clock, CjkFonts fonts, Portraits portraits) {
    this.clock = clock;
    this.portraits = portraits;
    this.onScreen = new Syncing(clock.instant());
    this.link = LinkStatus.connecting(java.time.OffsetDateTime.now(clock));
    plate.getStyleClass().add("plate");
    plate.setMinWidth(0);
    plate.setMaxWidth(Double.MAX_VALUE);
    // A long name goes onto a second line, as on a plate, never cut short.
    plate.setWrapText(true);
    plate.setStyle("-fx-font-family: \"" + fonts.serif() + "\";");
    HBox.setHgrow(plate, Priority.ALWAYS);
    when.setAlignment(Pos.CENTER_RIGHT);
    when.getStyleClass().add("when");
    age.setAlignment(Pos.CENTER_RIGHT);
    age.setVisible(false);
    age.setManaged(false);
    header.getStyleClass().add("header");
    header.setAlignment(Pos.CENTER_LEFT);
    arrangeHeader();
    body.getStyleClass().add("body");
    VBox.setVgrow(body, Priority.ALWAYS);
    // A board taller than the screen would be cut at the bottom, never pushing the header off the
    // top; the boards page instead, and the screen tests fail on any text cut off.
    body.setMinSize(0, 0);
    body.setAlignment(Pos.TOP_LEFT);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(body.widthProperty());
    clip.heightProperty().bind(body.heightProperty());
    body.setClip(clip);
    enrolment.getStyleClass().add("enrolment");
    enrolment.setVisible(false);
    enrolment.setManaged(false);
    VBox frame = new VBox(header, body, enrolment);
    frame.setMinSize(0, 0);
    root.getChildren().add(frame);
    root.getStyleClass().add("signage");
    root.setStyle("-fx-font-family: \"" + fonts.sans() + "\";");
    root.getStylesheets()
        .add(SignageScreen.class.getResource("/liaison/signage/signage.css").toExternalForm());
    root.setMinSize(0, 0);
    root.widthProperty().addListener((o, a, b) -> resized());
    root.heightProperty().addListener((o, a, b) -> resized());
    redraw();
  }

  public Parent root() {
    return root;
  }

  /** What the loop has on screen now, drawn from this content. Call on the FX thread. */
  public void show(OnScreen next, Optional<StationContent> current) {
    this.onScreen = next;
    this.content = current;
    redraw();
  }

  /**
   * Where the media slides' files are on this station (the cache the loop asks too), and who hears
   * the hash of a file that could not be played, so the loop skips it. Call on the FX thread.
   */
  public void media(MediaFiles files, Consumer<String> failed) {
    this.mediaFiles = files;
    this.mediaFailed = failed;
  }

  /**
   * Stops a video on screen and lets go of its player: the loop left the screen (a visitor touched
   * the kiosk) or the window closes. Call on the FX thread.
   */
  public void stopMedia() {
    mediaShown.ifPresent(MediaBoard::discard);
    mediaShown = Optional.empty();
    videoPlayers.release();
  }

  /** The media slide leaves the screen for the loop's next turn; a video's player is kept. */
  private void leaveMedia() {
    mediaShown.ifPresent(MediaBoard::close);
    mediaShown = Optional.empty();
  }

  /** How many video players this screen has made; for tests and the memory benchmark. */
  public int videoPlayersMade() {
    return videoPlayers.made();
  }

  /** The video playing on screen, if a video slide is; for tests and the memory benchmark. */
  public Optional<javafx.scene.media.MediaPlayer> videoPlaying() {
    return mediaShown.flatMap(MediaBoard::player);
  }

  /**
   * How many pages the slide's board takes on this screen, as last laid out; one for a board not
   * drawn yet. The loop shows each page for the board's time.
   */
  public int pagesOf(Slide slide) {
    return drawn
        .filter(d -> d.board() == slide.board() && d.noticeId().equals(slide.noticeId()))
        .flatMap(d -> drawnPages)
        .map(ReadOnlyIntegerProperty::get)
        .orElse(1);
  }

  /**
   * Whether the screen is read at arm's length (a kiosk's panel at 50 cm), not across a hall: the
   * long boards' running texts may then be smaller (0.6 em, still above a kiosk panel's physical
   * minimum; docs/SCREENS.md), so a busy day and a long notice take fewer pages. A wall screen
   * keeps every text at 0.8 em or more. Call on the FX thread.
   */
  public SignageScreen readAtArmsLength(boolean near) {
    root.getStyleClass().remove("near");
    if (near) {
      root.getStyleClass().add("near");
    }
    redraw();
    return this;
  }

  /**
   * The station's name as its enrolment ticket said it, for the screen waiting for its first
   * content. Call on the FX thread.
   */
  public void knowStation(Optional<StationName> name) {
    if (name.equals(known)) {
      return;
    }
    known = name;
    if (onScreen instanceof Syncing) {
      redraw();
    }
  }

  /** Whether the hub is heard: once unheard for long, the header says how old the content is. */
  public void showLink(LinkStatus next) {
    this.link = next;
    tick();
  }

  /**
   * The code an administrator enters on the hub to enrol this screen, or nothing once it is
   * enrolled. Call on the FX thread.
   */
  public void showEnrolment(Optional<EnrolmentPanel> panel) {
    if (panel.equals(enrolmentShown)) {
      return;
    }
    enrolmentShown = panel;
    enrolment.getChildren().clear();
    panel.ifPresent(
        p -> {
          HBox head =
              new HBox(
                  fixed("enrol-title", p.title().zh()),
                  BoardFx.wrapping("enrol-title-en", p.title().en()));
          head.setAlignment(Pos.BASELINE_LEFT);
          head.getStyleClass().add("enrol-head");
          enrolment.getChildren().add(head);
          if (p.code() != null) {
            enrolment.getChildren().add(fixed("enrol-code", p.code()));
          }
          enrolment
              .getChildren()
              .addAll(
                  BoardFx.wrapping("enrol-text", p.instruction().zh()),
                  BoardFx.wrapping("enrol-text-en", p.instruction().en()),
                  BoardFx.wrapping("enrol-text", p.detail().zh()),
                  BoardFx.wrapping("enrol-text-en", p.station().joined(false)));
        });
    enrolment.setVisible(panel.isPresent());
    enrolment.setManaged(panel.isPresent());
    if (onScreen instanceof Syncing) {
      redraw();
    }
  }

  /** The clock in the header, and the content's age once it is stale; every second or so. */
  public void tick() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone());
    boolean plausible = content.map(c -> calendar(c).clockPlausible()).orElse(true);
    time.setText(plausible ? Dates.time(now.toLocalTime()) : "--:--");
    date.setText(plausible ? Dates.date(now.toLocalDate()).zh() : "时钟待校准 · clock needs setting");
    Optional<Bilingual> stale =
        content.isPresent() && link.isOffline()
            ? ContentAge.of(link.since().toInstant(), clock.instant())
            : Optional.empty();
    ageZh.setText(stale.map(Bilingual::zh).orElse(""));
    ageEn.setText(stale.map(Bilingual::en).orElse(""));
    age.setVisible(stale.isPresent());
    age.setManaged(stale.isPresent());
    // A deputies' sign-in code changes with the minute.
    for (Node code : body.lookupAll(".sign-in-code")) {
      ((SignInCodeView) code).refresh(clock.instant());
    }
  }

  /** The board or message on screen, for tests and the proof of what is shown. */
  public OnScreen onScreen() {
    return onScreen;
  }

  private void resized() {
    double w = root.getWidth();
    double h = root.getHeight();
    if (w <= 0 || h <= 0) {
      return;
    }
    double px = BASE_PX * Math.min(w, h) / 1080.0;
    boolean nowPortrait = h > w;
    if (px != fontPx || nowPortrait != portrait) {
      fontPx = px;
      portrait = nowPortrait;
      root.setStyle(
          root.getStyle().replaceAll("-fx-font-size: [0-9.]+px;", "")
              + "-fx-font-size: "
              + px
              + "px;");
      redraw();
    }
  }

  /**
   * Landscape: plate, then the time and date at the right. Portrait: the plate has the first line
   * to itself.
   */
  private void arrangeHeader() {
    if (portrait) {
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      HBox line = new HBox(date, gap, time);
      line.setAlignment(Pos.BASELINE_LEFT);
      VBox both = new VBox(plate, line, age);
      HBox.setHgrow(both, Priority.ALWAYS);
      header.getChildren().setAll(both);
    } else {
      when.getChildren().setAll(time, date, age);
      header.getChildren().setAll(plate, when);
    }
  }

  private void redraw() {
    arrangeHeader();
    root.getStyleClass().removeAll("emergency-screen", "portrait");
    if (portrait) {
      root.getStyleClass().add("portrait");
    }
    plate.setText(content.map(c -> c.station().signPlate()).orElse(GENERIC_PLATE));
    tick();
    drawn = Optional.empty();
    drawnPages = Optional.empty();
    if (!(onScreen instanceof MediaTurn)) {
      leaveMedia();
    }
    body.getChildren().setAll(board());
  }

  private Node board() {
    return switch (onScreen) {
      case Syncing s -> syncing();
      case Interrupt i -> {
        if (i.alert().priority() == NoticePriority.EMERGENCY) {
          root.getStyleClass().add("emergency-screen");
        }
        yield AlertBoard.build(i.alert(), zone());
      }
      case Vote v ->
          content
              .<Node>map(c -> VoteBoard.build(v, c, input(c, 0)))
              .orElseGet(() -> fixed("message-more", ""));
      case MediaTurn turn -> media(turn);
      case Slide slide ->
          content
              .map(
                  c -> {
                    PagedBoard board = slide(slide, c);
                    drawn = Optional.of(slide);
                    drawnPages = Optional.of(board.pages());
                    return board.node();
                  })
              .orElseGet(() -> fixed("message-more", ""));
    };
  }

  /** The media slide's board: the one on screen while it stays, else drawn for this turn. */
  private Node media(MediaTurn turn) {
    double w = root.getWidth() > 0 ? root.getWidth() : 1920;
    double h = root.getHeight() > 0 ? root.getHeight() : 1080;
    Optional<MediaBoard> kept = mediaShown.filter(m -> m.keeps(turn, w, h));
    if (kept.isPresent()) {
      return kept.get().node();
    }
    leaveMedia();
    int volume = content.map(c -> c.mediaOrEmpty().volume()).orElse(0);
    MediaBoard board =
        MediaBoard.build(
            turn, mediaFiles.ready(turn.file()), w, h, volume, videoPlayers, mediaFailed);
    mediaShown = Optional.of(board);
    return board.node();
  }

  /**
   * No content yet: one message, saying what the screen waits for (its enrolment, or the content),
   * and the station's name when it is known.
   */
  private Node syncing() {
    boolean enrolling = enrolmentShown.isPresent();
    Bilingual name = EnrolmentPresenter.stationLine(EnrolmentPresenter.nameOf(content, known));
    if (enrolling) {
      // The band beneath says what to do; above it only what the screen waits for.
      return BoardFx.board(BoardFx.title(WAITING, "", portrait));
    }
    return BoardFx.board(
        BoardFx.title(SYNCING, "", portrait),
        BoardFx.message(SYNCING_TEXT, List.of(name.zh() + " · " + name.en())));
  }

  private PagedBoard slide(Slide slide, StationContent c) {
    BoardInput in = input(c, slide.page());
    return switch (slide.board()) {
      case TODAY -> TodayBoard.build(in);
      case WEEK -> WeekBoard.build(in);
      case ROSTER -> RosterBoard.build(in);
      case RESULTS -> ResultsBoard.build(in);
      case PLAN -> PlanBoard.build(in);
      case STARS -> StarsBoard.build(in);
      case LIVELIHOOD -> LivelihoodBoard.build(in);
      case LIVELIHOOD_PROGRESS -> LivelihoodProgressBoard.build(in);
      // Never a slide: the loop plays the media slides where a MEDIA entry stands (MediaTurn).
      case MEDIA -> TodayBoard.build(in);
      case NOTICES -> {
        List<String> ids = in.calendar().activeNotices().stream().map(Notice::id).toList();
        String id = slide.noticeId().orElse("");
        yield NoticeBoard.build(in, id, Math.max(0, ids.indexOf(id)), ids.size());
      }
    };
  }

  private BoardInput input(StationContent c, int page) {
    return new BoardInput(c, calendar(c), portraits, portrait, fontPx, page);
  }

  private ReceptionCalendar calendar(StationContent c) {
    return new ReceptionCalendar(c, clock);
  }

  private ZoneId zone() {
    return content.map(c -> c.station().zone()).orElse(clock.getZone());
  }
}
