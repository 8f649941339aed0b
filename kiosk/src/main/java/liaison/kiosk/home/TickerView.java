package liaison.kiosk.home;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.home.HomeScreen.NoticeLine;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.signage.player.text.Bilingual;

/**
 * The home page's notice line: the active notices one after the other, each a line at a time,
 * moving on by the clock every {@link HomePresenter#TICKER_SECONDS} (the step the presenter
 * counts): a ticker that advances without an animation, which would keep the screen redrawing sixty
 * times a second. A notice longer than {@link #MOST_LINES} lines shows that many and says a tap
 * opens it in full. Lines are measured in the line's own font at the width the screen gives, so
 * none ends in an ellipsis.
 */
public final class TickerView extends Region {

  /** The most lines of one notice the ticker shows before the next notice's turn. */
  static final int MOST_LINES = 4;

  private static final String MORE = "…";

  private final Label tag = Ui.label("notice-tag");
  private final Label count = Ui.label("notice-count");
  private final Label text = Ui.label("notice-text");
  private final Label hint = Ui.label("notice-hint");
  private List<NoticeLine> notices = List.of();
  private long step;
  private boolean english;
  private Actions actions = Actions.NONE;

  /** The lines of every notice at the last measured width, notice by notice. */
  private List<List<String>> lines = List.of();

  private String measuredFor = "";
  private int shownNotice = -1;

  public TickerView() {
    getStyleClass().addAll("notices", "notice", "tappable");
    getChildren().addAll(tag, count, text, hint);
    setOnMouseClicked(
        e -> {
          if (shownNotice >= 0 && shownNotice < notices.size()) {
            actions.go(new Page.Notice(notices.get(shownNotice).id(), 0));
          }
        });
  }

  public void setActions(Actions actions) {
    this.actions = actions;
  }

  /**
   * The notices to run through and the clock's step: one more line every step, the next notice
   * after a notice's last line.
   */
  public void show(List<NoticeLine> next, long nextStep, boolean inEnglish) {
    if (!next.equals(notices) || inEnglish != english) {
      notices = List.copyOf(next);
      english = inEnglish;
      measuredFor = "";
      hint.setText(Bilingual.of("点击阅读", "Tap to read").primary(english));
    }
    step = nextStep;
    requestLayout();
  }

  /** The text of the line on screen now. */
  public String line() {
    return text.getText();
  }

  @Override
  protected double computePrefHeight(double width) {
    return snappedTopInset()
        + Math.max(text.prefHeight(-1), tag.prefHeight(-1))
        + snappedBottomInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    double gap = text.getFont().getSize() * 0.6;
    if (notices.isEmpty() || width <= 0) {
      text.setText("");
      return;
    }
    // Which notice and which of its lines: the step counts through every notice's lines in turn.
    double tagWidth = widest(tag, notices.stream().map(n -> n.tag().primary(english)).toList());
    count.setText(notices.size() > 1 ? notices.size() + "/" + notices.size() : "");
    double countWidth = notices.size() > 1 ? count.prefWidth(-1) : 0;
    double hintWidth = hint.prefWidth(-1);
    double room =
        width - tagWidth - gap - (countWidth > 0 ? countWidth + gap : 0) - hintWidth - gap;
    String key = room + "|" + text.getFont();
    if (!key.equals(measuredFor)) {
      lines = measure(text.getFont(), room);
      measuredFor = key;
    }
    int total = lines.stream().mapToInt(List::size).sum();
    int at = (int) Math.floorMod(step, (long) total);
    int notice = 0;
    while (at >= lines.get(notice).size()) {
      at -= lines.get(notice).size();
      notice++;
    }
    shownNotice = notice;
    NoticeLine n = notices.get(notice);
    tag.setText(n.tag().primary(english));
    tag.getStyleClass().remove("urgent");
    if (n.urgent()) {
      tag.getStyleClass().add("urgent");
    }
    count.setText(notices.size() > 1 ? (notice + 1) + "/" + notices.size() : "");
    text.setText(lines.get(notice).get(at));

    double x = left;
    layoutInArea(tag, x, top, tagWidth, height, 0, HPos.LEFT, VPos.CENTER);
    x += tagWidth + gap;
    if (countWidth > 0) {
      layoutInArea(count, x, top, countWidth, height, 0, HPos.LEFT, VPos.CENTER);
      x += countWidth + gap;
    }
    layoutInArea(text, x, top, Math.max(0, room), height, 0, HPos.LEFT, VPos.CENTER);
    layoutInArea(hint, left + width - hintWidth, top, hintWidth, height, 0, HPos.LEFT, VPos.CENTER);
  }

  private static double widest(Label label, List<String> texts) {
    double widest = 0;
    String before = label.getText();
    for (String t : texts) {
      label.setText(t);
      widest = Math.max(widest, label.prefWidth(-1));
    }
    label.setText(before);
    return Math.ceil(widest);
  }

  /** Each notice as the lines that fit the room, at most {@link #MOST_LINES} of them. */
  private List<List<String>> measure(Font font, double room) {
    Text probe = new Text();
    probe.setFont(font);
    List<List<String>> out = new ArrayList<>();
    for (NoticeLine n : notices) {
      String all = (n.title() + "：" + n.body()).replaceAll("\\s+", " ").strip();
      List<String> pieces = new ArrayList<>();
      int start = 0;
      while (start < all.length() && pieces.size() < MOST_LINES) {
        boolean last = pieces.size() == MOST_LINES - 1;
        int end = fitting(probe, all, start, room, "");
        if (last && end < all.length()) {
          end = fitting(probe, all, start, room, MORE);
          pieces.add(all.substring(start, end).strip() + MORE);
        } else {
          pieces.add(all.substring(start, end).strip());
        }
        start = end;
        while (start < all.length() && all.charAt(start) == ' ') {
          start++;
        }
      }
      if (pieces.isEmpty()) {
        pieces.add(n.title());
      }
      out.add(pieces);
    }
    return out;
  }

  /** The furthest end (exclusive) such that the text from {@code start}, and a suffix, fits. */
  private static int fitting(Text probe, String all, int start, double room, String suffix) {
    int low = start + 1;
    int high = all.length();
    if (fits(probe, all.substring(start, high) + suffix, room)) {
      return high;
    }
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (fits(probe, all.substring(start, mid) + suffix, room)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    // Not inside a Latin word, when a space is near.
    int end = low;
    if (end < all.length()
        && Character.isLetterOrDigit(all.charAt(end))
        && all.charAt(end) < 0x2E80) {
      for (int i = end; i > Math.max(start + 1, end - 12); i--) {
        if (all.charAt(i - 1) == ' ') {
          return i;
        }
      }
    }
    return end;
  }

  private static boolean fits(Text probe, String s, double room) {
    probe.setText(s);
    // Two pixels to spare: the label measures its own text a little differently.
    return probe.getLayoutBounds().getWidth() <= room - 2;
  }
}
