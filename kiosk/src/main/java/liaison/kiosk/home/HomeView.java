package liaison.kiosk.home;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import liaison.kiosk.home.HomeScreen.Bilingual;
import liaison.kiosk.home.HomeScreen.DeputyLine;
import liaison.kiosk.fx.FittingColumn;
import liaison.kiosk.home.HomeScreen.NoticeLine;
import liaison.kiosk.home.HomeScreen.Slot;
import liaison.kiosk.home.HomeScreen.Upcoming;
import liaison.kiosk.qr.QrCode;
import liaison.kiosk.qr.QrView;

/**
 * The home screen: the station's sign plate, the date, today's reception with its deputies, the
 * next receptions, a large "扫码提意见" QR code and the notices. Draws a {@link HomeScreen}; redraws
 * only the parts that changed, so the idle screen costs next to nothing.
 */
public final class HomeView extends BorderPane {

  private final Label plate = label("plate");
  private final Label date = label("date");
  private final Label dateEn = label("date-en");
  private final Label time = label("time");
  private final VBox todayBox = new VBox();
  private final VBox upcomingBox = new FittingColumn();
  private final QrView opinionQr = new QrView();
  private final VBox qrCard = new VBox();
  private final VBox noticeBox = new VBox();
  private final Label contentAge = label("content-age");
  private final Label offlineBadge = label("offline-badge");
  private final Label clockWarning = label("clock-warning");
  private final Label problem = label("clock-warning");
  private HomeScreen shown;

  public HomeView() {
    getStyleClass().add("home");
    getStylesheets().add(Objects.requireNonNull(HomeView.class.getResource("/liaison/kiosk/kiosk.css")).toExternalForm());

    VBox when = new VBox(time, date, dateEn);
    when.getStyleClass().add("when");
    when.setAlignment(Pos.CENTER_RIGHT);
    plate.setMinWidth(0);
    HBox.setHgrow(plate, Priority.ALWAYS);
    plate.setMaxWidth(Double.MAX_VALUE);
    HBox header = new HBox(plate, when);
    header.getStyleClass().add("header");
    header.setAlignment(Pos.CENTER_LEFT);

    todayBox.getStyleClass().add("today");
    upcomingBox.getStyleClass().add("upcoming");
    VBox left = new VBox(sectionTitle("今日接待", "Today's reception"), todayBox,
        sectionTitle("近期接待", "Coming receptions"), upcomingBox);
    left.getStyleClass().add("left");
    HBox.setHgrow(left, Priority.ALWAYS);
    left.setMinWidth(0);
    // The list of coming receptions gives way first when the screen is short.
    left.setMinHeight(0);
    VBox.setVgrow(upcomingBox, Priority.ALWAYS);

    Label qrCaption = label("qr-caption");
    qrCaption.setText("扫码提意见");
    Label qrCaptionEn = label("qr-caption-en");
    qrCaptionEn.setText("Scan to give your opinion");
    VBox.setVgrow(opinionQr, Priority.ALWAYS);
    qrCard.getChildren().addAll(opinionQr, qrCaption, qrCaptionEn);
    qrCard.getStyleClass().add("qr-card");
    qrCard.setAlignment(Pos.TOP_CENTER);

    HBox body = new HBox(left, qrCard);
    body.getStyleClass().add("body");

    clockWarning.setMaxWidth(Double.MAX_VALUE);
    clockWarning.setManaged(false);
    clockWarning.setVisible(false);
    problem.setMaxWidth(Double.MAX_VALUE);
    problem.setWrapText(true);
    problem.setManaged(false);
    problem.setVisible(false);
    VBox center = new VBox(problem, clockWarning, body);
    VBox.setVgrow(body, Priority.ALWAYS);
    body.setMinHeight(0);
    center.setMinHeight(0);

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox status = new HBox(contentAge, spacer, offlineBadge);
    status.getStyleClass().add("status");
    status.setAlignment(Pos.CENTER_LEFT);
    noticeBox.getStyleClass().add("notices");
    VBox footer = new VBox(noticeBox, status);
    footer.getStyleClass().add("footer");

    setTop(header);
    setCenter(center);
    setBottom(footer);
    qrCard.prefWidthProperty().bind(widthProperty().multiply(0.30));
    qrCard.maxWidthProperty().bind(qrCard.prefWidthProperty());
    qrCard.setMinWidth(0);
    // One size to scale every em in the stylesheet: a 480-pixel-high panel gets 14 px text,
    // a 1080-pixel-high monitor 30 px.
    heightProperty()
        .addListener(
            (o, before, h) -> setStyle(fontStyle(h.doubleValue())));
    setStyle(fontStyle(480));
  }

  private String fontStyle(double height) {
    double size = Math.max(13, Math.min(40, Math.floor(height / 34)));
    return "-fx-font-size: " + size + "px;" + (fontFamily == null ? "" : " -fx-font-family: \"" + fontFamily + "\";");
  }

  private String fontFamily;
  private String plateFamily;

  /** Sets the families found at start ({@code CjkFonts}); the plate uses the serif one. */
  public void useFonts(String sans, String serif) {
    this.fontFamily = sans;
    this.plateFamily = serif;
    plate.setStyle("-fx-font-family: \"" + serif + "\";");
    setStyle(fontStyle(getHeight() > 0 ? getHeight() : 480));
  }

  /** A problem the station's staff must fix, shown across the top (e.g. no CJK font). */
  public void showFontProblem(String message) {
    problem.setText(message);
    problem.setVisible(true);
    problem.setManaged(true);
  }

  public HomeScreen shown() {
    return shown;
  }

  /** Shows the screen; parts equal to what is shown are left alone. */
  public void show(HomeScreen next) {
    HomeScreen before = shown;
    shown = next;
    if (before == null || !before.signPlate().equals(next.signPlate())) {
      plate.setText(next.signPlate());
    }
    date.setText(next.dateZh());
    dateEn.setText(next.dateEn());
    time.setText(next.time());

    if (before == null || !before.clockWarning().equals(next.clockWarning())) {
      showOptional(clockWarning, next.clockWarning());
    }
    if (before == null
        || !before.today().equals(next.today())
        || before.waitingForContent() != next.waitingForContent()
        || !before.clockWarning().equals(next.clockWarning())) {
      todayBox.getChildren().setAll(todayNodes(next));
    }
    if (before == null || !before.upcoming().equals(next.upcoming())) {
      upcomingBox.getChildren().setAll(upcomingNodes(next.upcoming()));
    }
    if (before == null || !before.opinionUrl().equals(next.opinionUrl())) {
      next.opinionUrl().ifPresentOrElse(url -> opinionQr.show(QrCode.of(url)), () -> {});
      qrCard.setVisible(next.opinionUrl().isPresent());
    }
    if (before == null || !before.notices().equals(next.notices())) {
      noticeBox.getChildren().setAll(noticeNodes(next.notices()));
      noticeBox.setVisible(!next.notices().isEmpty());
      noticeBox.setManaged(!next.notices().isEmpty());
    }
    contentAge.setText(next.contentAge().map(a -> a.zh() + " · " + a.en()).orElse(""));
    showOptional(offlineBadge, next.offlineBadge());
  }

  private static void showOptional(Label label, Optional<Bilingual> text) {
    label.setText(text.map(t -> t.zh() + "  " + t.en()).orElse(""));
    label.setVisible(text.isPresent());
    label.setManaged(text.isPresent());
  }

  private List<Node> todayNodes(HomeScreen screen) {
    if (screen.waitingForContent()) {
      return List.of(placeholder("内容同步中…", "Content is on its way"));
    }
    if (screen.clockWarning().isPresent()) {
      return List.of(placeholder("日期未知，暂不显示今日接待", "Date unknown: today's reception is not shown"));
    }
    if (screen.today().isEmpty()) {
      return List.of(placeholder("今日无代表接待", "No reception today"));
    }
    return screen.today().stream().map(HomeView::slotNode).toList();
  }

  private static Node slotNode(Slot slot) {
    Label window = label("slot-window");
    window.setText(slot.window());
    Label status = label("slot-status");
    status.setText(slot.status().zh() + " " + slot.status().en());
    status.getStyleClass().add("slot-" + slot.state().name().toLowerCase().replace('_', '-'));
    window.setMinWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(Region.USE_PREF_SIZE);
    Label theme = label("slot-theme");
    theme.setText(slot.theme().isEmpty() ? slot.location() : slot.theme() + " · " + slot.location());
    theme.setMinWidth(0);
    HBox.setHgrow(theme, Priority.ALWAYS);
    HBox line = new HBox(window, status, theme);
    line.getStyleClass().add("slot-line");
    line.setAlignment(Pos.CENTER_LEFT);

    HBox people = new HBox();
    people.getStyleClass().add("deputies");
    for (DeputyLine d : slot.deputies()) {
      people.getChildren().add(deputyNode(d));
    }
    VBox card = new VBox(line, people);
    card.getStyleClass().add("slot");
    return card;
  }

  private static Node deputyNode(DeputyLine d) {
    Circle circle = new Circle();
    circle.getStyleClass().add("portrait-circle");
    circle.setRadius(26);
    Label initial = label("portrait-initial");
    initial.setText(d.initial());
    StackPane portrait = new StackPane(circle, initial);
    portrait.getStyleClass().add("portrait");
    Label name = label("deputy-name");
    name.setText(d.name());
    name.setMinWidth(Region.USE_PREF_SIZE);
    Label level = label("deputy-level");
    level.setText(d.level());
    Label occupation = label("deputy-occupation");
    occupation.setText(d.occupation());
    VBox text = new VBox(name, level, occupation);
    text.setMinWidth(0);
    HBox box = new HBox(portrait, text);
    box.getStyleClass().add("deputy");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(0);
    return box;
  }

  private static List<Node> upcomingNodes(List<Upcoming> upcoming) {
    if (upcoming.isEmpty()) {
      return List.of(placeholder("近两周暂无已公告的接待", "No announced reception in the next two weeks"));
    }
    return upcoming.stream()
        .<Node>map(
            u -> {
              Label day = label("upcoming-day");
              day.setText(u.day());
              Label window = label("upcoming-window");
              window.setText(u.window());
              day.setMinWidth(Region.USE_PREF_SIZE);
              window.setMinWidth(Region.USE_PREF_SIZE);
              Label names = label("upcoming-names");
              names.setText(u.theme().isEmpty() ? u.names() : u.names() + " · " + u.theme());
              names.setMinWidth(0);
              HBox.setHgrow(names, Priority.ALWAYS);
              HBox row = new HBox(day, window, names);
              row.getStyleClass().add("upcoming-row");
              row.setAlignment(Pos.CENTER_LEFT);
              return row;
            })
        .toList();
  }

  private static List<Node> noticeNodes(List<NoticeLine> notices) {
    return notices.stream()
        .limit(2)
        .<Node>map(
            n -> {
              Label tag = label("notice-tag");
              tag.setText(n.urgent() ? "紧急公告" : "公告");
              // The tag keeps its width; the notice text gives way (and ends in an ellipsis).
              tag.setMinWidth(Region.USE_PREF_SIZE);
              if (n.urgent()) {
                tag.getStyleClass().add("urgent");
              }
              Label text = label("notice-text");
              text.setText(n.title() + "：" + n.body().replaceAll("\\s+", " "));
              text.setMinWidth(0);
              HBox.setHgrow(text, Priority.ALWAYS);
              HBox row = new HBox(tag, text);
              row.getStyleClass().add("notice");
              row.setAlignment(Pos.CENTER_LEFT);
              return row;
            })
        .toList();
  }

  private static Node sectionTitle(String zh, String en) {
    Label title = label("section-title");
    title.setText(zh);
    Label sub = label("section-title-en");
    sub.setText(en);
    HBox box = new HBox(title, sub);
    box.getStyleClass().add("section");
    return box;
  }

  private static Node placeholder(String zh, String en) {
    Label main = label("placeholder");
    main.setText(zh);
    Label sub = label("placeholder-en");
    sub.setText(en);
    VBox box = new VBox(main, sub);
    box.getStyleClass().add("placeholder-box");
    return box;
  }

  private static Label label(String styleClass) {
    Label label = new Label();
    label.getStyleClass().add(styleClass);
    return label;
  }
}
