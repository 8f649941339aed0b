package liaison.signage.player.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A long text shown a screenful at a time on a screen nobody touches: split where a page is full
 * (at a line's end, measured in the label's own font at the size the screen gives), never cut off
 * with an ellipsis. On a wide screen a page holds the text in columns, read top to bottom then left
 * to right, so no line is longer than the eye follows. {@link #pages()} says how many pages the
 * text takes at this size.
 */
public final class PagedText extends Region {

  /** The gap between two columns, in the label's font. */
  private static final double COLUMN_GAP_EM = 1.5;

  private final String text;
  private final int page;
  private final double columnEm;

  /** The first column's label, which also judges every split; the others beside it. */
  private final Label label = new Label();

  private final List<Label> columns = new ArrayList<>();
  private final IntegerProperty pages = new SimpleIntegerProperty(1);
  private final IntegerProperty shownPage = new SimpleIntegerProperty(0);

  /** What the last split was made for, so a layout pass that changes nothing measures nothing. */
  private String splitFor = "";

  private List<String> split = List.of();

  /**
   * @param styleClass the label's style (font, colour, line spacing)
   * @param page the page to show; past the last, the last
   */
  public PagedText(String text, String styleClass, int page) {
    this(text, styleClass, page, 0);
  }

  /**
   * @param columnEm a page holds as many columns as are at least this wide, in the label's font (0:
   *     one column)
   */
  public PagedText(String text, String styleClass, int page, double columnEm) {
    // Paragraphs keep their line break; the blank line between them is room a wall screen lacks.
    this.text = text.strip().replaceAll("\\n\\s*\\n", "\n");
    this.page = Math.max(0, page);
    this.columnEm = columnEm;
    label.getStyleClass().add(styleClass);
    label.setWrapText(true);
    label.setMinSize(0, 0);
    // The whole page's room, not the label's own measure of its text: that one rounds short.
    label.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
    columns.add(label);
    getChildren().add(label);
    getStyleClass().add("paged-text");
    setMinSize(0, 0);
  }

  public ReadOnlyIntegerProperty pages() {
    return pages;
  }

  public ReadOnlyIntegerProperty shownPage() {
    return shownPage;
  }

  /** The text of the page shown, its columns in reading order. */
  public String shownText() {
    return String.join("\n", columns.stream().map(Label::getText).toList()).strip();
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
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
    if (width <= 0 || height <= 0) {
      return;
    }
    Font font = label.getFont();
    double gap = COLUMN_GAP_EM * font.getSize();
    int across =
        columnEm <= 0 ? 1 : Math.max(1, (int) ((width + gap) / (columnEm * font.getSize() + gap)));
    double columnWidth = Math.floor((width - gap * (across - 1)) / across);
    Insets pad = label.getInsets();
    double textWidth = Math.floor(columnWidth - pad.getLeft() - pad.getRight());
    double textHeight = height - pad.getTop() - pad.getBottom();
    String key = width + "|" + height + "|" + font + "|" + label.getLineSpacing();
    if (!key.equals(splitFor)) {
      label.resize(columnWidth, height);
      split = split(font, label.getLineSpacing(), textWidth, textHeight);
      splitFor = key;
      showColumns(across);
    }
    // A page is as many pieces of the split as it has columns.
    int pageCount = (split.size() + across - 1) / across;
    int shown = Math.min(page, pageCount - 1);
    for (int c = 0; c < across; c++) {
      int piece = shown * across + c;
      Label column = columns.get(c);
      column.setText(piece < split.size() ? split.get(piece) : "");
      layoutInArea(
          column, left + c * (columnWidth + gap), top, columnWidth, height, 0, HPos.LEFT, VPos.TOP);
    }
    pages.set(pageCount);
    shownPage.set(shown);
  }

  /** Labels for so many columns, styled as the first; the ones not needed leave the page. */
  private void showColumns(int across) {
    while (columns.size() < across) {
      Label column = new Label();
      column.getStyleClass().setAll(label.getStyleClass());
      column.setWrapText(true);
      column.setMinSize(0, 0);
      column.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
      columns.add(column);
      getChildren().add(column);
      column.applyCss();
    }
    while (columns.size() > across) {
      getChildren().remove(columns.removeLast());
    }
  }

  /** The text in pages, each as much as its lines hold. */
  private List<String> split(Font font, double lineSpacing, double width, double height) {
    Text probe = new Text();
    probe.setFont(font);
    probe.setLineSpacing(lineSpacing);
    probe.setWrappingWidth(width);
    List<String> out = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = lastFitting(probe, start, height);
      // The measure is the label's font, but the label is the judge: a page it would cut short
      // with an ellipsis loses a character until it does not.
      while (end > start + 1 && !wholeInLabel(text.substring(start, end).strip())) {
        end--;
      }
      end = niceBreak(start, end);
      out.add(text.substring(start, end).strip());
      start = end;
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    if (out.isEmpty()) {
      out.add("");
    }
    return out;
  }

  /** The furthest end (exclusive) such that text from {@code start} fits the height. */
  private int lastFitting(Text probe, int start, double height) {
    int low = start + 1;
    int high = text.length();
    if (fits(probe, start, high, height)) {
      return high;
    }
    // A page holds at least one character, even where a line does not fit: never an empty page.
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (fits(probe, start, mid, height)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  /** Whether the label, at its size, draws this text whole. */
  private boolean wholeInLabel(String page) {
    label.setText(page);
    label.layout();
    for (javafx.scene.Node child : label.getChildrenUnmodifiable()) {
      if (child instanceof Text drawn) {
        return drawn.getText().equals(page);
      }
    }
    return true;
  }

  private boolean fits(Text probe, int start, int end, double height) {
    probe.setText(text.substring(start, end).strip());
    // Keep a pixel: the label lays its text out with the same font, rounding a little otherwise.
    return probe.getLayoutBounds().getHeight() <= height - 1;
  }

  /**
   * Where to end a page near {@code end}: after a paragraph, a sentence's end or a space within the
   * last few characters, so a word is not split (Chinese may break between any two characters); no
   * further back, or a page would lose most of a line.
   */
  private int niceBreak(int start, int end) {
    if (end >= text.length()) {
      return end;
    }
    int floor = Math.max(start + 1, end - 8);
    for (int i = end; i > floor; i--) {
      char before = text.charAt(i - 1);
      if (before == '\n' || "。！？；".indexOf(before) >= 0) {
        return i;
      }
    }
    char next = text.charAt(end);
    char last = text.charAt(end - 1);
    if (isLatin(next) && isLatin(last)) {
      for (int i = end; i > floor; i--) {
        if (Character.isWhitespace(text.charAt(i - 1))) {
          return i;
        }
      }
    }
    return end;
  }

  private static boolean isLatin(char c) {
    return c < 0x2E80 && Character.isLetterOrDigit(c);
  }
}
