package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
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
import liaison.signage.player.enrol.EnrolmentPanel;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.Interrupt;
import liaison.signage.player.loop.OnScreen.Slide;
import liaison.signage.player.loop.OnScreen.Syncing;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.schedule.ReceptionCalendar;

/**
 * The signage screen: the station's sign plate with the date and time on top, and below it what the
 * loop has on screen. Sized for reading from three metres: the root font is {@link #BASE_PX} on a
 * 1080-pixel short side and no text is smaller than {@link #MIN_TEXT_PX} (see docs/SIGNAGE.md),
 * scaled with the screen.
 */
public final class SignageScreen {
  /** The root font size on a screen whose short side is 1080 pixels. */
  public static final double BASE_PX = 56;

  /** The smallest text on any board, on a 1080-pixel short side: 0.8 em. */
  public static final double MIN_TEXT_PX = 44.8;

  static final Bilingual SYNCING = Bilingual.of("内容同步中", "Content on its way");
  static final String GENERIC_PLATE = "人大代表联络站";

  private final String stationId;
  private final Portraits portraits;
  private final StackPane root = new StackPane();
  private final Label plate = new Label();
  private final Label time = fixed("time", "");
  private final Label date = fixed("date", "");
  private final StackPane body = new StackPane();
  private final VBox when = new VBox(time, date);
  private final HBox header = new HBox();

  /** The enrolment code, while the screen has no credentials: a band under the board. */
  private final VBox enrolment = new VBox();

  private Optional<EnrolmentPanel> enrolmentShown = Optional.empty();
  private final Clock clock;

  private OnScreen onScreen;
  private Optional<StationContent> content = Optional.empty();
  private boolean portrait;
  private double fontPx;

  public SignageScreen(String stationId, Clock clock, CjkFonts fonts, Portraits portraits) {
    this.stationId = stationId;
    this.clock = clock;
    this.portraits = portraits;
    this.onScreen = new Syncing(clock.instant());
    plate.getStyleClass().add("plate");
    plate.setMinWidth(0);
    plate.setMaxWidth(Double.MAX_VALUE);
    plate.setStyle("-fx-font-family: \"" + fonts.serif() + "\";");
    HBox.setHgrow(plate, Priority.ALWAYS);
    when.setAlignment(Pos.CENTER_RIGHT);
    when.getStyleClass().add("when");
    header.getStyleClass().add("header");
    header.setAlignment(Pos.CENTER_LEFT);
    arrangeHeader();
    body.getStyleClass().add("body");
    VBox.setVgrow(body, Priority.ALWAYS);
    // A board that would be taller than the screen is cut at the bottom, never pushing the
    // header off the top (the screen tests fail on any text cut off).
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
                  BoardFx.label("enrol-title-en", p.title().en()));
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
                  BoardFx.wrapping("enrol-text", p.detail().zh() + "  " + p.station().zh()));
        });
    enrolment.setVisible(panel.isPresent());
    enrolment.setManaged(panel.isPresent());
  }

  /** The clock in the header; called every second or so. */
  public void tick() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone());
    boolean plausible = content.map(c -> calendar(c).clockPlausible()).orElse(true);
    time.setText(plausible ? Dates.time(now.toLocalTime()) : "--:--");
    date.setText(plausible ? Dates.date(now.toLocalDate()).zh() : "时钟待校准 · clock needs setting");
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
      VBox both = new VBox(plate, line);
      HBox.setHgrow(both, Priority.ALWAYS);
      header.getChildren().setAll(both);
    } else {
      when.getChildren().setAll(time, date);
      header.getChildren().setAll(plate, when);
    }
  }

  private void redraw() {
    arrangeHeader();
    root.getStyleClass().removeAll("emergency-screen", "portrait");
    if (portrait) {
      root.getStyleClass().add("portrait");
    }
    plate.setText(
        content.map(c -> c.station().signPlate()).orElse(GENERIC_PLATE + " · " + stationId));
    tick();
    body.getChildren().setAll(board());
  }

  private Node board() {
    return switch (onScreen) {
      case Syncing s ->
          BoardFx.board(
              BoardFx.title(SYNCING, "", portrait),
              BoardFx.message(
                  Bilingual.of(
                      "本站的接待安排与通知正在从县人大常委会同步，请稍候",
                      "This station's schedule and notices are on their way from the hub"),
                  List.of("站点编号 Station " + stationId)));
      case Interrupt i -> {
        if (i.alert().priority() == NoticePriority.EMERGENCY) {
          root.getStyleClass().add("emergency-screen");
        }
        yield AlertBoard.build(i.alert(), zone());
      }
      case Slide slide -> content.map(c -> slide(slide, c)).orElseGet(() -> fixed("text", ""));
    };
  }

  private Node slide(Slide slide, StationContent c) {
    BoardInput in = new BoardInput(c, calendar(c), portraits, portrait, fontPx);
    return switch (slide.board()) {
      case TODAY -> TodayBoard.build(in);
      case WEEK -> WeekBoard.build(in);
      case ROSTER -> RosterBoard.build(in);
      case RESULTS -> ResultsBoard.build(in);
      case NOTICES -> {
        List<String> ids = in.calendar().activeNotices().stream().map(Notice::id).toList();
        String id = slide.noticeId().orElse("");
        yield NoticeBoard.build(in, id, Math.max(0, ids.indexOf(id)), ids.size());
      }
    };
  }

  private ReceptionCalendar calendar(StationContent c) {
    return new ReceptionCalendar(c, clock);
  }

  private ZoneId zone() {
    return content.map(c -> c.station().zone()).orElse(clock.getZone());
  }
}
