package liaison.kiosk.app;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import liaison.kiosk.alert.AlertModel;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.home.HomeScreen;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.kiosk.nav.Page.Tab;
import liaison.kiosk.nav.Settings;
import liaison.signage.player.fx.FillingText;
import liaison.signage.player.text.Bilingual;

/**
 * The kiosk's frame around every page: the sign-plate header with the date and time and the
 * visitor's settings (大字 / 高对比 / English), the page, an urgent banner over it, the navigation bar
 * and the status line (content age, offline badge). An emergency notice covers all of it.
 */
public final class KioskView extends StackPane {

  static final Map<Tab, Bilingual> TAB_NAMES = new EnumMap<>(Tab.class);

  static {
    TAB_NAMES.put(Tab.HOME, Bilingual.of("首页", "Home"));
    TAB_NAMES.put(Tab.DEPUTIES, Bilingual.of("代表", "Deputies"));
    TAB_NAMES.put(Tab.SCHEDULE, Bilingual.of("接待安排", "Schedule"));
    TAB_NAMES.put(Tab.NOTICES, Bilingual.of("公告", "Notices"));
    TAB_NAMES.put(Tab.RESULTS, Bilingual.of("办理情况", "Results"));
    TAB_NAMES.put(Tab.FEEDBACK, Bilingual.of("评价", "Rate visit"));
  }

  private final BorderPane frame = new BorderPane();
  private final HBox header;
  private final HBox when;
  private boolean portrait;
  private final java.util.List<java.util.function.Consumer<Boolean>> orientationListeners =
      new java.util.ArrayList<>();
  private final Label plate = Ui.label("plate");
  private final Label time = Ui.label("time");
  private final Label date = Ui.label("date");
  private final Label dateEn = Ui.label("date-en");
  private final HBox toggles = new HBox();
  private final Label problem = Ui.label("problem");
  private final Label clockWarning = Ui.label("clock-warning");
  private final StackPane pageHost = new StackPane();
  private final VBox banner = new VBox();
  private final HBox nav = new HBox();
  private final Label contentAge = Ui.label("content-age");
  private final Label offlineBadge = Ui.label("offline-badge");
  private final VBox emergency = new VBox();
  private final Region dim = new Region();
  private final StackPane signageHost = new StackPane();

  /** A bright frame over everything while the hub asks the station to identify itself. */
  private final Region identifying = new Region();

  private final StackPane devPanelHost = new StackPane();
  private VBox bottom = new VBox();
  private Node enrolmentPanel = new Region();
  private Runnable onWakeTap = () -> {};
  private Actions actions = Actions.NONE;
  private Settings settings = Settings.DEFAULT;
  private Tab tab = Tab.HOME;
  private Optional<AlertModel> alert = Optional.empty();
  private String sansFamily;
  private Node page;

  public KioskView() {
    getStyleClass().add("kiosk");
    getStylesheets()
        .add(
            Objects.requireNonNull(KioskView.class.getResource("/liaison/kiosk/kiosk.css"))
                .toExternalForm());

    // The time beside the two date lines, not above them: the header stays as low as its
    // buttons, which leaves the 7-inch panel room for the page.
    VBox dates = new VBox(date, dateEn);
    dates.setAlignment(Pos.CENTER_RIGHT);
    dates.getStyleClass().add("dates");
    HBox when = new HBox(time, dates);
    when.getStyleClass().add("when");
    when.setAlignment(Pos.CENTER_RIGHT);
    when.setMinWidth(Region.USE_PREF_SIZE);
    plate.setMinWidth(0);
    plate.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(plate, Priority.ALWAYS);
    // A long name on a narrow panel: the plate's type gives way before its name is cut short.
    plate.widthProperty().addListener((o, a, b) -> fitPlate());
    plate.textProperty().addListener((o, a, b) -> fitPlate());
    toggles.getStyleClass().add("toggles");
    toggles.setAlignment(Pos.CENTER_RIGHT);
    toggles.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(plate, when, toggles);
    header.getStyleClass().add("header");
    header.setAlignment(Pos.CENTER_LEFT);
    this.header = header;
    this.when = when;

    for (Label l : new Label[] {problem, clockWarning}) {
      l.setMaxWidth(Double.MAX_VALUE);
      l.setWrapText(true);
      l.setManaged(false);
      l.setVisible(false);
    }
    banner.getStyleClass().addAll("urgent-banner", "tappable");
    banner.setManaged(false);
    banner.setVisible(false);
    pageHost.getStyleClass().add("page-host");
    pageHost.setMinHeight(0);
    pageHost.setAlignment(Pos.TOP_LEFT);
    // A page taller than its place is cut at the bottom, never drawn over the banner or the bar.
    javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
    clip.widthProperty().bind(pageHost.widthProperty());
    clip.heightProperty().bind(pageHost.heightProperty());
    pageHost.setClip(clip);
    VBox.setVgrow(pageHost, Priority.ALWAYS);
    VBox center = new VBox(problem, clockWarning, banner, pageHost);
    center.setMinHeight(0);

    nav.getStyleClass().add("nav");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    contentAge.setMinWidth(0);
    offlineBadge.setMinWidth(Region.USE_PREF_SIZE);
    HBox status = new HBox(contentAge, spacer, offlineBadge);
    status.getStyleClass().add("status");
    status.setAlignment(Pos.CENTER_LEFT);
    VBox bottom = new VBox(nav, status);
    this.bottom = bottom;

    frame.setTop(header);
    frame.setCenter(center);
    frame.setBottom(bottom);

    emergency.getStyleClass().add("emergency");
    emergency.setVisible(false);
    emergency.setAlignment(Pos.CENTER);
    // Dimmed while nobody is around: the first tap only wakes the screen, it presses nothing.
    dim.getStyleClass().add("dim");
    dim.setVisible(false);
    dim.setOnMousePressed(
        e -> {
          e.consume();
          onWakeTap.run();
        });
    devPanelHost.setPickOnBounds(false);
    devPanelHost.setAlignment(Pos.BOTTOM_RIGHT);
    devPanelHost.setMouseTransparent(false);
    identifying.getStyleClass().add("identifying");
    identifying.setVisible(false);
    identifying.setMouseTransparent(true);
    // The signage loop while nobody uses the kiosk: the first touch only brings the kiosk back.
    signageHost.setVisible(false);
    signageHost.setOnMousePressed(MouseEvent::consume);
    getChildren().addAll(frame, emergency, signageHost, dim, identifying, devPanelHost);

    widthProperty().addListener((o, a, b) -> applyFontSize());
    heightProperty().addListener((o, a, b) -> applyFontSize());
    drawNav();
    drawToggles();
    applyFontSize();
  }

  public void setActions(Actions actions) {
    this.actions = actions;
    drawNav();
    drawToggles();
  }

  /** The families found at start: the plate in the bold serif, everything else in the sans. */
  public void useFonts(String sans, String serif) {
    this.sansFamily = sans;
    this.serifFamily = serif;
    applyFontSize();
  }

  /** The plate's size in em, as the stylesheet sets it, and the smallest it may give way to. */
  private static final double PLATE_EM = 2.1;

  private static final double PLATE_MIN_EM = 1.3;

  private String serifFamily = "System";
  private double em = 17;

  /**
   * The plate's type as large as the stylesheet has it, or smaller (down to {@link #PLATE_MIN_EM})
   * where the name would not fit its room on one line.
   */
  private void fitPlate() {
    double full = PLATE_EM * em;
    javafx.scene.text.Text probe = new javafx.scene.text.Text(plate.getText());
    probe.setFont(
        javafx.scene.text.Font.font(serifFamily, javafx.scene.text.FontWeight.BLACK, full));
    double needed = probe.getLayoutBounds().getWidth() + 4;
    double room = plate.getWidth() - plate.snappedLeftInset() - plate.snappedRightInset();
    double px =
        room <= 0 || needed <= room ? full : Math.max(PLATE_MIN_EM * em, full * room / needed);
    String style =
        "-fx-font-family: \""
            + serifFamily
            + "\"; -fx-font-size: "
            + Math.floor(px * 10) / 10
            + "px;";
    if (!style.equals(plate.getStyle())) {
      plate.setStyle(style);
    }
  }

  /** A problem the station's staff must fix, shown across the top (e.g. no CJK font). */
  public void showProblem(String message) {
    problem.setText(message);
    problem.setVisible(true);
    problem.setManaged(true);
  }

  /**
   * One em for the whole screen, from the screen's size: 17 px on the 7-inch 800×480 panel (never
   * less: the stylesheet's smallest text, 0.85 em, is then the 14.1 px a 2.5 mm character needs
   * there at 50 cm), 23 px at 1280×800, 31 px on a 1920×1080 monitor, limited by the width in
   * portrait; larger text multiplies it by 1.3.
   */
  static final double SMALLEST_EM_PX = 17;

  static double fontSize(double width, double height, boolean largeText) {
    double base =
        Math.max(SMALLEST_EM_PX, Math.min(40, Math.floor(Math.min(height / 34, width / 36))));
    return largeText ? Math.floor(base * 1.3) : base;
  }

  /** Called with true when the screen turns portrait, false when landscape. */
  public void onOrientation(java.util.function.Consumer<Boolean> listener) {
    orientationListeners.add(listener);
    listener.accept(portrait);
  }

  public boolean portrait() {
    return portrait;
  }

  private void applyOrientation(boolean next) {
    if (next == portrait) {
      return;
    }
    portrait = next;
    // Portrait: the sign plate gets the whole first line; time and settings go beneath it.
    if (portrait) {
      HBox second = new HBox(when, toggles);
      second.setAlignment(Pos.CENTER_RIGHT);
      second.getStyleClass().add("header-second");
      VBox both = new VBox(plate, second);
      both.setMaxWidth(Double.MAX_VALUE);
      HBox.setHgrow(both, Priority.ALWAYS);
      header.getChildren().setAll(both);
    } else {
      header.getChildren().setAll(plate, when, toggles);
    }
    orientationListeners.forEach(l -> l.accept(portrait));
  }

  private void applyFontSize() {
    double w = getWidth() > 0 ? getWidth() : 800;
    double h = getHeight() > 0 ? getHeight() : 480;
    applyOrientation(h > w);
    em = fontSize(w, h, settings.largeText());
    fitPlate();
    setStyle(
        "-fx-font-size: "
            + em
            + "px;"
            + (sansFamily == null ? "" : " -fx-font-family: \"" + sansFamily + "\";"));
  }

  public void applySettings(Settings next, Tab current) {
    boolean changed = !next.equals(settings) || current != tab;
    settings = next;
    tab = current;
    getStyleClass().remove("contrast");
    if (next.highContrast()) {
      getStyleClass().add("contrast");
    }
    getStyleClass().remove("large");
    if (next.largeText()) {
      getStyleClass().add("large");
    }
    applyFontSize();
    if (changed) {
      drawNav();
      drawToggles();
      drawAlert();
    }
  }

  public void showHeader(HomeScreen screen) {
    plate.setText(screen.signPlate());
    time.setText(screen.time());
    date.setText(settings.english() ? screen.dateEn() : screen.dateZh());
    dateEn.setText(settings.english() ? screen.dateZh() : screen.dateEn());
    show(clockWarning, screen.clockWarning());
    contentAge.setText(screen.contentAge().map(a -> a.joined(settings.english())).orElse(""));
    show(offlineBadge, screen.offlineBadge());
  }

  private void show(Label label, Optional<Bilingual> text) {
    label.setText(text.map(t -> t.joined(settings.english())).orElse(""));
    label.setVisible(text.isPresent());
    label.setManaged(text.isPresent());
  }

  public void showPage(Node next) {
    if (next != page) {
      page = next;
      pageHost.getChildren().setAll(next);
    }
  }

  public Node page() {
    return page;
  }

  public void showAlert(Optional<AlertModel> next) {
    if (!next.equals(alert)) {
      alert = next;
      drawAlert();
    }
  }

  /** Whether an urgent banner or the emergency screen is up. */
  public boolean alertShown() {
    return alert.isPresent();
  }

  /** Shows the signage loop over the kiosk (idle), or takes it away (a visitor touched). */
  public void showSignage(Optional<Node> loop) {
    signageHost.getChildren().setAll(loop.stream().toList());
    signageHost.setVisible(loop.isPresent());
  }

  public boolean signageShown() {
    return signageHost.isVisible();
  }

  /** Dims the whole screen (nobody around) or lights it again. */
  public void setDimmed(boolean dimmed) {
    dim.setVisible(dimmed);
  }

  /** Flashes a bright frame over the screen (the hub's IDENTIFY), or takes it away. */
  public void setIdentifying(boolean on) {
    identifying.setVisible(on);
  }

  public boolean identifying() {
    return identifying.isVisible();
  }

  public boolean dimmed() {
    return dim.isVisible();
  }

  /** What a tap on the dimmed screen does: wake it. */
  public void onWakeTap(Runnable action) {
    this.onWakeTap = action;
  }

  /** The panel a screen waiting to be enrolled shows over the frame (below an emergency notice). */
  public void setEnrolmentPanel(Node panel) {
    enrolmentPanel = panel;
    getChildren().add(getChildren().indexOf(frame) + 1, panel);
  }

  /**
   * Where the enrolment panel stands: over the whole frame while the screen has nothing else to
   * show, or, as a band, in the frame above the navigation, so the page gives it room instead of
   * lying half under it.
   */
  public void placeEnrolment(boolean asBand) {
    boolean inFrame = bottom.getChildren().contains(enrolmentPanel);
    if (asBand && !inFrame) {
      getChildren().remove(enrolmentPanel);
      bottom.getChildren().addFirst(enrolmentPanel);
    } else if (!asBand && inFrame) {
      bottom.getChildren().remove(enrolmentPanel);
      getChildren().add(getChildren().indexOf(frame) + 1, enrolmentPanel);
    }
  }

  /** The developer panel that plays the station's sensor and button (mock GPIO only). */
  public void setDevPanel(Node panel) {
    devPanelHost.getChildren().setAll(panel);
  }

  /** Whether an emergency notice holds the whole screen. */
  public boolean emergencyShown() {
    return emergency.isVisible();
  }

  private void drawAlert() {
    boolean english = settings.english();
    Optional<AlertModel> urgent = alert.filter(a -> !a.emergency());
    Optional<AlertModel> holding = alert.filter(AlertModel::emergency);
    banner.getChildren().clear();
    urgent.ifPresent(
        a -> {
          Label tag = Ui.label("banner-tag", a.tag().primary(english));
          tag.setMinWidth(Region.USE_PREF_SIZE);
          // One line: the title and as much of the text as fits; a tap opens the whole notice.
          Label title =
              Ui.label("banner-title", a.title() + "：" + a.body().replaceAll("\\s+", " "));
          title.setMinWidth(0);
          HBox.setHgrow(title, Priority.ALWAYS);
          Label more =
              Ui.label("banner-more", Bilingual.of("点击查看", "Tap to read").primary(english));
          more.setMinWidth(Region.USE_PREF_SIZE);
          HBox line = new HBox(tag, title, more);
          line.setAlignment(Pos.CENTER_LEFT);
          line.getStyleClass().add("banner-line");
          banner.getChildren().add(line);
          banner.setOnMouseClicked(e -> actions.go(new Page.Notice(a.noticeId(), 0)));
        });
    banner.setVisible(urgent.isPresent());
    banner.setManaged(urgent.isPresent());

    emergency.getChildren().clear();
    holding.ifPresent(
        a -> {
          Label tag = Ui.label("emergency-tag", a.tag().joined(english));
          tag.setMinHeight(Region.USE_PREF_SIZE);
          // The title and the text grow together until they fill the screen: read from across
          // the hall, on a 7-inch panel as on a monitor.
          FillingText text = new FillingText(0.3, 3);
          text.add("emergency-title", a.title(), 2.0);
          text.add("emergency-body", a.body(), 1.3);
          text.setMaxWidth(Double.MAX_VALUE);
          VBox.setVgrow(text, Priority.ALWAYS);
          emergency.getChildren().addAll(tag, text);
          a.until()
              .ifPresent(
                  u -> emergency.getChildren().add(Ui.label("emergency-until", u.joined(english))));
          emergency.getChildren().add(Ui.label("emergency-plate", plate.getText()));
        });
    emergency.setVisible(holding.isPresent());
  }

  private void drawNav() {
    nav.getChildren().clear();
    for (Tab t : Tab.values()) {
      VBox button =
          Ui.button(TAB_NAMES.get(t), settings.english(), "nav-button", () -> actions.go(t.page()));
      if (t == tab) {
        button.getStyleClass().add("current");
      }
      button.setId("nav-" + t.name().toLowerCase());
      HBox.setHgrow(button, Priority.ALWAYS);
      button.setMaxWidth(Double.MAX_VALUE);
      button.setMinWidth(0);
      button.setPrefWidth(0);
      nav.getChildren().add(button);
    }
  }

  private void drawToggles() {
    boolean english = settings.english();
    toggles
        .getChildren()
        .setAll(
            toggle(
                "toggle-large",
                Bilingual.of("大字", "Large"),
                settings.largeText(),
                () -> actions.settings(settings.withLargeText(!settings.largeText()))),
            toggle(
                "toggle-contrast",
                Bilingual.of("高对比", "Contrast"),
                settings.highContrast(),
                () -> actions.settings(settings.withHighContrast(!settings.highContrast()))),
            toggle(
                "toggle-english",
                english ? Bilingual.of("中文", "中文") : Bilingual.of("EN", "EN"),
                english,
                () -> actions.settings(settings.withEnglish(!english))));
  }

  private Node toggle(String id, Bilingual text, boolean on, Runnable action) {
    Label label = Ui.label("toggle", text.primary(settings.english()));
    label.setId(id);
    label.setMinWidth(Region.USE_PREF_SIZE);
    if (on) {
      label.getStyleClass().add("on");
    }
    label.setOnMouseClicked(e -> action.run());
    return label;
  }
}
