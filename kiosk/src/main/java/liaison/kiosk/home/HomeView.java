package liaison.kiosk.home;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.FittingColumn;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.home.HomeScreen.Attendance;
import liaison.kiosk.home.HomeScreen.DeputyLine;
import liaison.kiosk.home.HomeScreen.Slot;
import liaison.kiosk.home.HomeScreen.Upcoming;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.fx.WrappingLabel;
import liaison.signage.player.qr.QrCode;
import liaison.signage.player.qr.QrView;
import liaison.signage.player.qr.SignInCodeView;
import liaison.signage.player.text.Bilingual;

/**
 * The home page: today's reception with its deputies (expected or present), the next receptions,
 * the two QR codes — "扫码提意见" large, "扫码预约" beside it — and the notice ticker. Draws a {@link
 * HomeScreen}; redraws only the parts that changed, so the idle screen costs next to nothing.
 */
public final class HomeView extends VBox {

  private final VBox todayBox = new VBox();
  private final FittingColumn upcomingBox = new FittingColumn();
  private final HBox upcomingSection;
  private final QrView opinionQr = new QrView();
  private final QrView bookingQr = new QrView();
  private final HBox body = new HBox();
  private final VBox left = new VBox();
  private final HBox qrRow = new HBox();
  private VBox opinionCard;
  private VBox bookingCard;
  private boolean portrait;
  private final TickerView ticker = new TickerView();
  private final Label todayTitle = new Label();
  private final Label todayTitleEn = new Label();
  private final Label upcomingTitle = new Label();
  private final Label upcomingTitleEn = new Label();
  private final Label opinionCaption = Ui.label("qr-caption");
  private final Label opinionCaptionEn = Ui.label("qr-caption-en");
  private final Label bookingCaption = Ui.label("qr-caption-small");
  private final Label bookingCaptionEn = Ui.label("qr-caption-en");
  private Actions actions = Actions.NONE;
  private Portraits portraits = Portraits.none();

  /** The deputies' sign-in address the second code shows instead of booking, if any. */
  private Optional<String> signInShown = Optional.empty();

  private boolean english;
  private HomeScreen shown;

  public HomeView() {
    getStyleClass().add("home");

    todayBox.getStyleClass().add("today");
    upcomingBox.getStyleClass().add("upcoming");
    // The coming receptions give way row by row on a short screen, their title with the last.
    upcomingSection = FittingColumn.heading(Ui.section(upcomingTitle, upcomingTitleEn));
    left.getChildren().addAll(Ui.section(todayTitle, todayTitleEn), todayBox, upcomingBox);
    left.getStyleClass().add("left");
    HBox.setHgrow(left, Priority.ALWAYS);
    left.setMinWidth(0);
    // The list of coming receptions gives way first when the screen is short.
    left.setMinHeight(0);
    VBox.setVgrow(upcomingBox, Priority.ALWAYS);
    upcomingBox.setOnMouseClicked(e -> actions.go(new Page.Schedule(0)));

    opinionCard = new VBox(opinionQr, opinionCaption, opinionCaptionEn);
    opinionCard.getStyleClass().addAll("qr-card", "qr-opinion");
    opinionCard.setAlignment(Pos.TOP_CENTER);
    VBox.setVgrow(opinionQr, Priority.ALWAYS);
    VBox.setVgrow(opinionCard, Priority.ALWAYS);
    bookingCard = new VBox(bookingQr, bookingCaption, bookingCaptionEn);
    bookingCard.getStyleClass().addAll("qr-card", "qr-booking");
    bookingCard.setAlignment(Pos.TOP_CENTER);
    VBox.setVgrow(bookingQr, Priority.ALWAYS);
    VBox.setVgrow(bookingCard, Priority.ALWAYS);
    // The codes shrink to fit the column; their captions never do.
    for (Label caption :
        List.of(opinionCaption, opinionCaptionEn, bookingCaption, bookingCaptionEn)) {
      caption.setMinHeight(Region.USE_PREF_SIZE);
    }
    // The two codes side by side, the opinion one first: on a 7-inch panel each keeps more than
    // 2 px a module, which a stacked pair would not.
    qrRow.getChildren().setAll(opinionCard, bookingCard);
    for (VBox card : List.of(opinionCard, bookingCard)) {
      HBox.setHgrow(card, Priority.ALWAYS);
      card.setMaxWidth(Double.MAX_VALUE);
      card.setPrefWidth(0);
      card.setMinWidth(0);
    }
    // Captions wrap on a narrow card rather than end in an ellipsis: "扫码提意见" is the point.
    for (Label caption :
        List.of(opinionCaption, opinionCaptionEn, bookingCaption, bookingCaptionEn)) {
      caption.setMinWidth(0);
      caption.setWrapText(true);
      caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
    }
    qrRow.getStyleClass().add("qr-row");
    qrRow.setAlignment(Pos.TOP_CENTER);
    landscapeWidths();

    body.getChildren().setAll(left, qrRow);
    body.getStyleClass().add("body");
    body.setMinHeight(0);
    VBox.setVgrow(body, Priority.ALWAYS);

    getChildren().addAll(body, ticker);
    setMinHeight(0);
    applyLanguage();
  }

  /**
   * Portrait screens (1080×1920) stack the page: the reception on top, the two codes side by side
   * below it; landscape keeps the codes in a column on the right.
   */
  public void setPortrait(boolean next) {
    if (next == portrait) {
      return;
    }
    portrait = next;
    if (portrait) {
      qrRow.prefWidthProperty().unbind();
      qrRow.maxWidthProperty().unbind();
      qrRow.minWidthProperty().unbind();
      qrRow.setMinWidth(0);
      qrRow.setMaxWidth(Double.MAX_VALUE);
      // The codes keep a fixed share of the screen (about 0.42 of its width, so each square code
      // is near 0.34 of the width); the reception list above gives way.
      qrRow.minHeightProperty().bind(widthProperty().multiply(0.42));
      qrRow.prefHeightProperty().bind(qrRow.minHeightProperty());
      qrRow.maxHeightProperty().bind(qrRow.minHeightProperty());
      left.setMinHeight(0);
      VBox stack = new VBox(left, qrRow);
      stack.getStyleClass().add("body-portrait");
      VBox.setVgrow(left, Priority.ALWAYS);
      HBox.setHgrow(stack, Priority.ALWAYS);
      body.getChildren().setAll(stack);
    } else {
      qrRow.minHeightProperty().unbind();
      qrRow.prefHeightProperty().unbind();
      qrRow.maxHeightProperty().unbind();
      qrRow.setMinHeight(Region.USE_COMPUTED_SIZE);
      qrRow.setPrefHeight(Region.USE_COMPUTED_SIZE);
      qrRow.setMaxHeight(Double.MAX_VALUE);
      landscapeWidths();
      body.getChildren().setAll(left, qrRow);
    }
    placeTicker();
  }

  /**
   * Landscape: the codes keep 40 % of the width whatever the text size: on the 7-inch panel that is
   * what keeps each code 25 mm across, which a phone scans from 25 cm.
   */
  private void landscapeWidths() {
    qrRow.prefWidthProperty().bind(widthProperty().multiply(0.40));
    qrRow.maxWidthProperty().bind(qrRow.prefWidthProperty());
    qrRow.minWidthProperty().bind(qrRow.prefWidthProperty());
  }

  /** While an urgent banner is up it carries the notice; the ticker makes way for the page. */
  public void setTickerHidden(boolean hidden) {
    boolean show = !hidden && shown != null && !shown.notices().isEmpty();
    ticker.setVisible(show);
    ticker.setManaged(show);
    tickerHidden = hidden;
  }

  private boolean tickerHidden;

  /** What taps on a deputy, a notice or the coming receptions open. */
  public void setActions(Actions actions) {
    this.actions = actions;
    ticker.setActions(actions);
  }

  public void setPortraits(Portraits portraits) {
    this.portraits = portraits;
  }

  /**
   * Large text: each deputy of today's reception as a name and whether they are here, without the
   * portrait and the lines beneath, so the reception still fits a small panel in the larger type
   * beside both QR codes (kept at their size, in tighter cards, with the notice line under the
   * reception); a tap opens the deputy in full.
   */
  public void setLargeText(boolean large) {
    if (this.large == large) {
      return;
    }
    this.large = large;
    placeTicker();
    redraw();
  }

  /**
   * Large text on a landscape screen: the notice line runs under the reception instead of across
   * the page, so the codes beside have the page's whole height and keep their size (25 mm on the
   * 7-inch panel) in the larger type.
   */
  private void placeTicker() {
    boolean underReception = large && !portrait;
    if (underReception && ticker.getParent() != left) {
      getChildren().remove(ticker);
      left.getChildren().add(ticker);
    } else if (!underReception && ticker.getParent() != this) {
      left.getChildren().remove(ticker);
      getChildren().add(ticker);
    }
  }

  private boolean large;

  /** English first, Chinese second; redraws everything. */
  public void setEnglish(boolean english) {
    if (this.english == english) {
      return;
    }
    this.english = english;
    applyLanguage();
    if (shown != null) {
      HomeScreen again = shown;
      shown = null;
      show(again);
    }
  }

  /** Redraws everything: a photo arrived. */
  public void redraw() {
    if (shown != null) {
      HomeScreen again = shown;
      shown = null;
      show(again);
    }
  }

  private void applyLanguage() {
    Ui.bilingual(todayTitle, todayTitleEn, Bilingual.of("今日接待", "Today's reception"), english);
    todayTitle.getStyleClass().setAll("section-title");
    todayTitleEn.getStyleClass().setAll("section-title-en");
    Ui.bilingual(
        upcomingTitle, upcomingTitleEn, Bilingual.of("近期接待", "Coming receptions"), english);
    upcomingTitle.getStyleClass().setAll("section-title");
    upcomingTitleEn.getStyleClass().setAll("section-title-en");
    Ui.bilingual(
        opinionCaption, opinionCaptionEn, Bilingual.of("扫码提意见", "Give your opinion"), english);
    bookingCaptions();
  }

  private void bookingCaptions() {
    Ui.bilingual(
        bookingCaption,
        bookingCaptionEn,
        signInShown.isPresent()
            ? Bilingual.of(SignInCodeView.CAPTION_ZH, SignInCodeView.CAPTION_EN)
            : Bilingual.of("扫码预约", "Book a meeting"),
        english);
  }

  public HomeScreen shown() {
    return shown;
  }

  /** The QR codes' nodes, opinion first, for reading them off a rendered screen. */
  public List<Node> qrNodes() {
    return List.of(opinionQr, bookingQr);
  }

  /** The URLs of the QR codes on screen, opinion first. */
  public List<String> qrTexts() {
    return List.of(opinionQr.text(), bookingQr.text());
  }

  /** Shows the screen; parts equal to what is shown are left alone. */
  public void show(HomeScreen next) {
    HomeScreen before = shown;
    shown = next;
    if (before == null
        || !before.today().equals(next.today())
        || before.waitingForContent() != next.waitingForContent()
        || !before.stationName().equals(next.stationName())
        || !before.clockWarning().equals(next.clockWarning())) {
      todayBox.getChildren().setAll(todayNodes(next));
    }
    if (before == null
        || !before.upcoming().equals(next.upcoming())
        || before.waitingForContent() != next.waitingForContent()) {
      upcomingBox.getChildren().setAll(upcomingSection);
      if (!next.waitingForContent()) {
        upcomingBox.getChildren().addAll(upcomingNodes(next.upcoming()));
      }
    }
    // No content yet: one message where the reception would be, and nothing else to contradict it.
    left.getChildren().getFirst().setVisible(!next.waitingForContent());
    left.getChildren().getFirst().setManaged(!next.waitingForContent());
    if (before == null || !before.opinionUrl().equals(next.opinionUrl())) {
      next.opinionUrl().ifPresent(url -> opinionQr.show(QrCode.of(url)));
    }
    // During a reception under way the second code is the deputies' sign-in (代表签到) of this
    // minute: a 7-inch panel has no room for a third 25 mm code beside the reception, and the
    // residents there are being received. Booking comes back when the reception ends.
    Optional<String> signIn = next.today().stream().flatMap(s -> s.signIn().stream()).findFirst();
    if (before == null
        || !before.bookingUrl().equals(next.bookingUrl())
        || !signIn.equals(signInShown)) {
      signInShown = signIn;
      if (signIn.isPresent()) {
        bookingQr.show(QrCode.of(signIn.get(), 0));
      } else {
        next.bookingUrl().ifPresent(url -> bookingQr.show(QrCode.of(url)));
      }
      bookingCaptions();
    }
    // Large text keeps both codes at their size: residents who need it still scan them (the
    // stylesheet makes the cards' margins and captions tighter instead).
    boolean codes = next.opinionUrl().isPresent();
    qrRow.setVisible(codes);
    qrRow.setManaged(codes);
    ticker.show(next.notices(), next.tickerStep(), english);
    ticker.setVisible(!next.notices().isEmpty() && !tickerHidden);
    ticker.setManaged(!next.notices().isEmpty() && !tickerHidden);
  }

  private List<Node> todayNodes(HomeScreen screen) {
    if (screen.waitingForContent()) {
      Bilingual name =
          EnrolmentPresenter.stationLine(
              Optional.of(screen.stationName())
                  .filter(n -> !n.isBlank())
                  .map(n -> new StationName(n, "")));
      Node waiting = Ui.placeholder(Bilingual.of("内容同步中", "Content on its way"), english);
      Label what =
          Ui.label(
              "placeholder-en",
              Bilingual.of(
                      "本站的接待安排、代表名单和通知公告正在送达，请稍候",
                      "This station's receptions, deputies and notices are on their way")
                  .joined(english));
      what.setWrapText(true);
      Label station = Ui.label("placeholder-en", name.joined(english));
      station.setWrapText(true);
      return List.of(waiting, what, station);
    }
    if (screen.clockWarning().isPresent()) {
      return List.of(
          Ui.placeholder(
              Bilingual.of("日期未知，暂不显示今日接待", "Date unknown: today's reception is not shown"),
              english));
    }
    if (screen.today().isEmpty()) {
      return List.of(Ui.placeholder(Bilingual.of("今日无代表接待", "No reception today"), english));
    }
    return screen.today().stream().map(this::slotNode).toList();
  }

  private Node slotNode(Slot slot) {
    Label window = Ui.label("slot-window");
    window.setText(slot.window());
    Label status = Ui.label("slot-status");
    status.setText(slot.status().joined(english));
    status.getStyleClass().add("slot-" + slot.state().name().toLowerCase().replace('_', '-'));
    window.setMinWidth(Region.USE_PREF_SIZE);
    status.setMinWidth(Region.USE_PREF_SIZE);
    String about =
        slot.theme().isEmpty() ? slot.location() : slot.theme() + " · " + slot.location();
    // Large text keeps the reception to a line or two (a tap on the schedule has it all).
    Label theme = large ? Ui.label("slot-theme", about) : new WrappingLabel(about);
    theme.getStyleClass().add("slot-theme");
    theme.setMinWidth(0);
    // What does not fit beside the time goes onto the next line, never past the card's edge.
    WrapRow line = new WrapRow(0.6, 0.15, window, status);
    if (!large) {
      slot.booking().map(b -> Ui.fixed("booking-chip", b.primary(english))).ifPresent(line::add);
    }
    line.add(theme);
    line.getStyleClass().add("slot-line");

    WrapRow people = new WrapRow(1.0, 0.3);
    people.getStyleClass().add("deputies");
    for (DeputyLine d : slot.deputies()) {
      people.add(deputyNode(d));
    }
    VBox card = new VBox(line, people);
    card.getStyleClass().add("slot");
    return card;
  }

  private Node deputyNode(DeputyLine d) {
    if (large) {
      Label name = Ui.fixed("deputy-name", d.name());
      HBox compact = new HBox(name);
      d.attendance().ifPresent(a -> compact.getChildren().add(attendance(a)));
      compact.getStyleClass().addAll("deputy", "deputy-name-line", "tappable");
      compact.setAlignment(Pos.BASELINE_LEFT);
      compact.setOnMouseClicked(e -> actions.go(new Page.Deputy(d.id())));
      return compact;
    }
    Node portrait = portraits.node(d.photo(), d.initial(), 3.2);
    Label name = Ui.label("deputy-name");
    name.setText(d.name());
    name.setMinWidth(Region.USE_PREF_SIZE);
    HBox nameLine = new HBox(name);
    nameLine.setAlignment(Pos.BASELINE_LEFT);
    nameLine.getStyleClass().add("deputy-name-line");
    d.attendance().ifPresent(a -> nameLine.getChildren().add(attendance(a)));
    Label level = Ui.label("deputy-level");
    level.setText(d.level().primary(english));
    Label occupation = Ui.label("deputy-occupation");
    occupation.setText(d.occupation());
    VBox text = new VBox(nameLine, level, occupation);
    text.setMinWidth(0);
    HBox box = new HBox(portrait, text);
    box.getStyleClass().addAll("deputy", "tappable");
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(0);
    box.setOnMouseClicked(e -> actions.go(new Page.Deputy(d.id())));
    return box;
  }

  private Label attendance(Attendance a) {
    Label chip = Ui.label("attendance");
    chip.getStyleClass().add(a == Attendance.PRESENT ? "present" : "expected");
    chip.setText(
        (a == Attendance.PRESENT ? Bilingual.of("已到", "Present") : Bilingual.of("应到", "Expected"))
            .primary(english));
    chip.setMinWidth(Region.USE_PREF_SIZE);
    return chip;
  }

  private List<Node> upcomingNodes(List<Upcoming> upcoming) {
    if (upcoming.isEmpty()) {
      return List.of(
          Ui.placeholder(
              Bilingual.of("近两周暂无已公告的接待", "No announced reception in the next two weeks"),
              english));
    }
    return upcoming.stream()
        .<Node>map(
            u -> {
              Label day = Ui.label("upcoming-day");
              day.setText(u.day());
              Label window = Ui.label("upcoming-window");
              window.setText(u.window());
              day.setMinWidth(Region.USE_PREF_SIZE);
              window.setMinWidth(Region.USE_PREF_SIZE);
              Label names = Ui.label("upcoming-names");
              names.setText(u.theme().isEmpty() ? u.names() : u.names() + " · " + u.theme());
              names.setMinWidth(0);
              HBox.setHgrow(names, Priority.ALWAYS);
              HBox row = new HBox(day, window);
              u.booking()
                  .map(b -> Ui.fixed("booking-chip", b.primary(english)))
                  .ifPresent(row.getChildren()::add);
              row.getChildren().add(names);
              row.getStyleClass().add("upcoming-row");
              row.setAlignment(Pos.CENTER_LEFT);
              return row;
            })
        .toList();
  }
}
