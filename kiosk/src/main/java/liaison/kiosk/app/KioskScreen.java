package liaison.kiosk.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import liaison.kiosk.alert.AlertModel;
import liaison.kiosk.alert.AlertPresenter;
import liaison.kiosk.deputies.DeputiesModel;
import liaison.kiosk.deputies.DeputiesPresenter;
import liaison.kiosk.deputies.DeputiesView;
import liaison.kiosk.deputies.DeputyModel;
import liaison.kiosk.deputies.DeputyPresenter;
import liaison.kiosk.deputies.DeputyView;
import liaison.kiosk.enrol.EnrolmentView;
import liaison.kiosk.feedback.FeedbackView;
import liaison.kiosk.home.HomePresenter;
import liaison.kiosk.home.HomeScreen;
import liaison.kiosk.home.HomeView;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Navigator;
import liaison.kiosk.nav.Page;
import liaison.kiosk.nav.Rating;
import liaison.kiosk.nav.Settings;
import liaison.kiosk.notices.NoticeModel;
import liaison.kiosk.notices.NoticePresenter;
import liaison.kiosk.notices.NoticeView;
import liaison.kiosk.notices.NoticesModel;
import liaison.kiosk.notices.NoticesPresenter;
import liaison.kiosk.notices.NoticesView;
import liaison.kiosk.results.ResultsModel;
import liaison.kiosk.results.ResultsPresenter;
import liaison.kiosk.results.ResultsView;
import liaison.kiosk.schedule.ScheduleModel;
import liaison.kiosk.schedule.SchedulePresenter;
import liaison.kiosk.schedule.ScheduleView;
import liaison.kiosk.stars.StarsModel;
import liaison.kiosk.stars.StarsPresenter;
import liaison.kiosk.stars.StarsView;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.board.SignagePlayback;
import liaison.signage.player.board.SignageScreen;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.loop.DisplayProof;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.SignageLoop;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's screen wired to a station runtime: redraws when content, the alert, the link or a
 * photo changes and once a second for the clock and the idle timeout, and tells the runtime which
 * content version is on screen.
 */
public final class KioskScreen implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskScreen.class);

  private final StationRuntime runtime;
  private final Clock clock;
  private final HomePresenter homePresenter;
  private final AlertPresenter alertPresenter;
  private final DeputiesPresenter deputiesPresenter = new DeputiesPresenter();
  private final StarsPresenter starsPresenter = new StarsPresenter();
  private final DeputyPresenter deputyPresenter;
  private final SchedulePresenter schedulePresenter;
  private final NoticesPresenter noticesPresenter;
  private final NoticePresenter noticePresenter;
  private final ResultsPresenter resultsPresenter = new ResultsPresenter();
  private final Navigator navigator;
  private final KioskView view = new KioskView();
  private final HomeView home = new HomeView();
  private final EnrolmentView enrolment = new EnrolmentView();
  private final EnrolmentPresenter enrolmentPresenter;
  private final Portraits portraits;
  private final List<AutoCloseable> watches = new ArrayList<>();
  private final java.util.concurrent.ScheduledExecutorService tick;
  private final CjkFonts fonts;

  /**
   * The idle loop, and the view that shows it with the touch cue and the two QR codes beside it:
   * neither is on the first view, so both are made after the first frame ({@link #buildIdle}) or
   * when first needed, whichever comes first (issue 22).
   */
  private SignagePlayback signage;

  private HandOverView idleView;

  /** The alert the kiosk itself shows (banner or emergency screen), and since when. */
  private Optional<AlertModel> alertOnScreen = Optional.empty();

  private java.time.Instant alertSince = java.time.Instant.EPOCH;
  private Object pageKey;
  private java.time.Instant lastMotion = java.time.Instant.EPOCH;

  /** Home with nobody touching the screen or passing the sensor for this long: the screen dims. */
  public static final java.time.Duration DIM_AFTER = java.time.Duration.ofMinutes(3);

  /** Builds the screen; call on the FX thread. */
  public KioskScreen(StationRuntime runtime, Clock clock, CjkFonts fonts) {
    this.runtime = runtime;
    this.clock = clock;
    this.homePresenter = new HomePresenter(clock);
    this.alertPresenter = new AlertPresenter(clock);
    this.deputyPresenter = new DeputyPresenter(clock);
    this.schedulePresenter = new SchedulePresenter(clock);
    this.noticesPresenter = new NoticesPresenter(clock);
    this.noticePresenter = new NoticePresenter(clock);
    this.navigator = new Navigator(clock.instant());
    this.enrolmentPresenter = new EnrolmentPresenter(clock);
    view.setEnrolmentPanel(enrolment);
    this.portraits = new Portraits(hash -> runtime.photos().file(hash));
    this.fonts = fonts;
    view.useFonts(fonts.sans(), fonts.serif());
    if (!fonts.available()) {
      LOG.error(CjkFonts.MISSING_MESSAGE);
      view.showProblem(CjkFonts.MISSING_MESSAGE);
    }
    Actions actions = new ScreenActions();
    view.setActions(actions);
    home.setActions(actions);
    home.setPortraits(portraits);
    view.onOrientation(home::setPortrait);
    // Any touch restarts the idle timer, wherever it lands.
    view.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> touched());
    view.onWakeTap(this::wake);
    view.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> touched());
    // Each watch reports the value it starts with: drawn once below, not once per watch.
    watches.add(runtime.feed().content().watch(c -> FxThread.run(this::refreshOnceBuilt)));
    watches.add(runtime.presence().link().watch(l -> FxThread.run(this::refreshOnceBuilt)));
    watches.add(runtime.feed().alert().watch(a -> FxThread.run(this::refreshOnceBuilt)));
    watches.add(runtime.enrolment().watch(e -> FxThread.run(this::refreshOnceBuilt)));
    watches.add(runtime.enrolledName().watch(n -> FxThread.run(this::refreshOnceBuilt)));
    watches.add(
        runtime
            .photos()
            .arrivals()
            .watch(
                n ->
                    FxThread.run(
                        () -> {
                          if (built) {
                            photoArrived();
                          }
                        })));
    built = true;
    FxThread.run(this::refresh);
    // A plain timer, not a Timeline: a running animation makes JavaFX redraw 60 times a second
    // (measured: 62 pulses/s idle), a timer only when the clock changes.
    tick =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("kiosk-clock").factory());
    tick.scheduleAtFixedRate(
        () -> FxThread.run(this::refresh), 1, 1, java.util.concurrent.TimeUnit.SECONDS);
  }

  /**
   * What the screen shows now, as PNG bytes (the hub's SCREENSHOT): a snapshot of the scene on the
   * FX thread, encoded here. Call off the FX thread.
   */
  public byte[] screenshotPng() throws Exception {
    java.util.concurrent.CompletableFuture<javafx.scene.image.WritableImage> shot =
        new java.util.concurrent.CompletableFuture<>();
    FxThread.run(
        () -> {
          try {
            shot.complete(
                view.getScene() != null
                    ? view.getScene().snapshot(null)
                    : view.snapshot(null, null));
          } catch (RuntimeException e) {
            shot.completeExceptionally(e);
          }
        });
    javafx.scene.image.WritableImage image = shot.get(10, java.util.concurrent.TimeUnit.SECONDS);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image
        .getPixelReader()
        .getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), argb, 0, w);
    java.awt.image.BufferedImage out =
        new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(out, "png", png);
    return png.toByteArray();
  }

  /** Flashes a frame over the screen for a while (the hub's IDENTIFY), waking it first. */
  public void flash(java.time.Duration howLong) {
    FxThread.run(
        () -> {
          wake();
          view.setIdentifying(true);
        });
    tick.schedule(
        () -> FxThread.run(() -> view.setIdentifying(false)),
        howLong.toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  public Parent root() {
    return view;
  }

  public KioskView view() {
    return view;
  }

  public HomeView home() {
    return home;
  }

  /** The panel shown while the screen waits to be enrolled. */
  public EnrolmentView enrolment() {
    return enrolment;
  }

  public Navigator navigator() {
    return navigator;
  }

  /** False while the constructor runs: the watches it adds draw nothing until then. */
  private boolean built;

  private void refreshOnceBuilt() {
    if (built) {
      refresh();
    }
  }

  /** Draws the current state; call on the FX thread. */
  public void refresh() {
    navigator.tick(clock.instant());
    Optional<StationContent> content = runtime.feed().content().get();
    Settings settings = navigator.settings();
    HomeScreen screen =
        homePresenter.present(
            content,
            runtime.presence().link().get(),
            runtime.config().stationId(),
            runtime.enrolledName().get());
    view.applySettings(settings, navigator.page().tab());
    view.showHeader(screen);
    var alert = alertPresenter.present(runtime.feed().alert().get(), content);
    view.showAlert(alert);
    home.setTickerHidden(alert.isPresent());
    home.setEnglish(settings.english());
    home.setLargeText(settings.largeText());
    java.time.Instant active =
        navigator.lastTouch().isAfter(lastMotion) ? navigator.lastTouch() : lastMotion;
    view.setDimmed(
        navigator.page() instanceof Page.Home
            && !view.emergencyShown()
            && !clock.instant().isBefore(active.plus(DIM_AFTER)));
    showPage(navigator.page(), content, screen);
    enrolment.show(
        enrolmentPresenter.present(
            runtime.enrolment().get(),
            EnrolmentPresenter.nameOf(content, runtime.enrolledName().get())),
        settings.english(),
        content.isPresent());
    view.placeEnrolment(content.isPresent() && enrolment.isVisible());
    content.ifPresent(c -> runtime.presence().displayed(c.version()));
    handOver(screen);
    // While the loop plays it proves what it shows; otherwise the kiosk's own banner does.
    proveAlert(signagePlaying() ? Optional.empty() : alert);
  }

  /**
   * Makes what the first view does not show — the idle loop's boards and the hand-over view around
   * them — so that the kiosk's first frame does not wait for them and its first idle timeout finds
   * them ready. {@code KioskApp} calls it once the first frame is done; call on the FX thread.
   */
  public void buildIdle() {
    if (signage == null) {
      // The idle kiosk's boards are read at arm's length, like the kiosk itself.
      signage =
          new SignagePlayback(
              runtime, new SignageScreen(clock, fonts, portraits).readAtArmsLength(true), clock);
      idleView = new HandOverView();
    }
  }

  private boolean signagePlaying() {
    return signage != null && signage.playing();
  }

  /**
   * Proof of display for the kiosk's own urgent banner and emergency screen: when the alert leaves
   * the screen (or every {@link SignageLoop#HOLD_PROOF_EVERY} while it stays) it is reported
   * through the outbox like the loop's proofs.
   */
  private void proveAlert(Optional<AlertModel> shown) {
    java.time.Instant now = clock.instant();
    Optional<String> before = alertOnScreen.map(AlertModel::noticeId);
    Optional<String> after = shown.map(AlertModel::noticeId);
    boolean longHold =
        alertOnScreen.isPresent() && !now.isBefore(alertSince.plus(SignageLoop.HOLD_PROOF_EVERY));
    if (!before.equals(after) || longHold) {
      alertOnScreen.ifPresent(
          a -> {
            if (now.isAfter(alertSince)) {
              DisplayProof.Kind kind =
                  a.emergency()
                      ? DisplayProof.Kind.EMERGENCY_HOLD
                      : DisplayProof.Kind.URGENT_INTERRUPT;
              DisplayProof proof =
                  new DisplayProof(a.noticeId(), alertSince, now, Board.NOTICES, kind);
              runtime
                  .events()
                  .record(
                      DisplayProofReporter.EVENT_TYPE,
                      DisplayProofReporter.body(proof, clock.getZone()));
            }
          });
      alertOnScreen = shown;
      alertSince = now;
    }
  }

  /**
   * After the idle timeout (Home, default settings, no touch for {@link Navigator#IDLE}) the
   * signage loop takes the screen; the first touch gives it back to the kiosk.
   */
  private void handOver(HomeScreen screen) {
    // A screen showing its enrolment code keeps it in view: the loop would cover it.
    boolean idle =
        !runtime.enrolment().get().showing()
            && navigator.page() instanceof Page.Home
            && navigator.settings().equals(Settings.DEFAULT)
            && !clock.instant().isBefore(navigator.lastTouch().plus(Navigator.IDLE));
    if (idle && !signagePlaying()) {
      buildIdle();
      signage.resume();
      view.showSignage(Optional.of(idleView));
    } else if (!idle && signagePlaying()) {
      signage.suspend();
      view.showSignage(Optional.empty());
    } else if (idle) {
      signage.tick();
    }
    if (idle) {
      // The codes and the cue stay beside every board; an emergency has the screen to itself.
      idleView.show(
          signage.screen().root(), screen.opinionUrl(), screen.bookingUrl(), view.portrait());
      idleView.showBand(
          !(signage.loop().screen() instanceof OnScreen.Interrupt i
              && i.alert().priority() == NoticePriority.EMERGENCY));
    }
  }

  /** A touch anywhere: the idle timer starts again, and the loop, if it was showing, gives way. */
  private void touched() {
    navigator.touch(clock.instant());
    if (signagePlaying()) {
      refresh();
    }
  }

  /** The signage loop the kiosk plays while idle; call on the FX thread. */
  public SignagePlayback signage() {
    buildIdle();
    return signage;
  }

  /** The QR codes the idle kiosk shows beside the loop, opinion first; call on the FX thread. */
  public List<Node> idleCodes() {
    buildIdle();
    return List.copyOf(idleView.codes());
  }

  private void showPage(Page page, Optional<StationContent> content, HomeScreen screen) {
    boolean english = navigator.settings().english();
    if (page instanceof Page.Home || content.isEmpty() && !(page instanceof Page.Feedback)) {
      if (!screen.equals(home.shown())) {
        home.show(screen);
      }
      pageKey = page;
      view.showPage(home);
      return;
    }
    StationContent c = content.orElse(null);
    Actions actions = new ScreenActions();
    // One presenter and one view per page: the record decides whether to redraw, the view draws it.
    Shown shown =
        switch (page) {
          case Page.Deputies d -> {
            DeputiesModel m = deputiesPresenter.present(c, d.level());
            yield new Shown(m, () -> new DeputiesView(english, actions, portraits).draw(m, d));
          }
          case Page.Stars st -> {
            StarsModel m = starsPresenter.present(c);
            yield new Shown(m, () -> new StarsView(english, actions, portraits).draw(m, st));
          }
          case Page.Deputy d -> {
            Optional<DeputyModel> m = deputyPresenter.present(c, d.deputyId());
            yield new Shown(m, () -> new DeputyView(english, actions, portraits).draw(m));
          }
          case Page.Schedule s -> {
            ScheduleModel m = schedulePresenter.present(c);
            yield new Shown(m, () -> new ScheduleView(english, actions).draw(m, s));
          }
          case Page.Notices n -> {
            NoticesModel m = noticesPresenter.present(c);
            yield new Shown(m, () -> new NoticesView(english, actions).draw(m, n));
          }
          case Page.Notice n -> {
            Optional<NoticeModel> m = noticePresenter.present(c, n.noticeId());
            yield new Shown(m, () -> new NoticeView(english, actions).draw(m));
          }
          case Page.Results r -> {
            ResultsModel m = resultsPresenter.present(c);
            yield new Shown(m, () -> new ResultsView(english, actions).draw(m, r));
          }
          case Page.Feedback f -> {
            boolean thanking = navigator.thanking();
            yield new Shown(thanking, () -> new FeedbackView(english, actions).draw(thanking));
          }
          case Page.Home h -> new Shown(screen, () -> home);
        };
    Object key = List.of(page, shown.model(), english, portraitsVersion);
    if (key.equals(pageKey)) {
      return;
    }
    pageKey = key;
    view.showPage(shown.view().get());
  }

  /** A page's record, and how its view draws it (only when the record changed). */
  private record Shown(Object model, java.util.function.Supplier<Node> view) {}

  private long portraitsVersion;

  /** Someone is there (the motion sensor, or a tap on the dimmed screen): light the screen. */
  public void wake() {
    lastMotion = clock.instant();
    refresh();
  }

  private void photoArrived() {
    portraitsVersion++;
    home.redraw();
    refresh();
  }

  /**
   * A visitor opened a page: a {@code page.view} event (which page, in the station's outbox) so the
   * hub can tell what visitors look at. Paging within a list is not a new view.
   */
  private void pageViewed(Page page) {
    java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("page", page.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
    body.put("tab", page.tab().name().toLowerCase(java.util.Locale.ROOT));
    switch (page) {
      case Page.Deputy d -> body.put("deputyId", d.deputyId());
      case Page.Notice n -> body.put("noticeId", n.noticeId());
      default -> {}
    }
    try {
      runtime.events().record("page.view", body);
    } catch (RuntimeException e) {
      LOG.warn("page view not recorded: {}", e.getMessage());
    }
  }

  private void rated(Rating rating) {
    runtime.events().record("satisfaction", Map.of("rating", rating.name()));
    navigator.thanked(clock.instant());
  }

  @Override
  public void close() {
    tick.shutdownNow();
    FxThread.run(() -> proveAlert(Optional.empty()));
    if (signage != null) {
      signage.close();
    }
    for (AutoCloseable watch : watches) {
      try {
        watch.close();
      } catch (Exception e) {
        LOG.debug("unwatch: {}", e.getMessage());
      }
    }
  }

  private final class ScreenActions implements Actions {
    @Override
    public void go(Page page) {
      Page before = navigator.page();
      navigator.go(page, clock.instant());
      if (!navigator.page().equals(before) && navigator.page().getClass() != before.getClass()) {
        pageViewed(navigator.page());
      }
      refresh();
    }

    @Override
    public void back() {
      navigator.back(clock.instant());
      refresh();
    }

    @Override
    public void settings(Settings next) {
      navigator.settings(next, clock.instant());
      refresh();
    }

    @Override
    public void rate(Rating rating) {
      rated(rating);
      refresh();
    }
  }
}
