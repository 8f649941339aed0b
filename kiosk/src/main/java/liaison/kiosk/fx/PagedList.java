package liaison.kiosk.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A list that shows one page of whole items, as many as fit, in as many columns as fit: no
 * scrolling for visitors who do not know to swipe, and no half-cut row. {@link #pages()} tells the
 * pager how many pages there are at this size.
 */
public final class PagedList extends Region {
  private final List<Node> items;
  private final int page;
  private final double minCellEm;
  private final double gapEm;
  private final IntegerProperty pages = new SimpleIntegerProperty(1);
  private final IntegerProperty shownPage = new SimpleIntegerProperty(0);
  private final Label probe = new Label("字");

  /**
   * @param minCellEm the narrowest a column may be, in em of this list's font; 0 = one column
   * @param page the page to show; clamped to the last page
   */
  public PagedList(List<? extends Node> items, int page, double minCellEm, double gapEm) {
    this.items = List.copyOf(items);
    this.page = page;
    this.minCellEm = minCellEm;
    this.gapEm = gapEm;
    getStyleClass().add("paged-list");
    probe.setManaged(false);
    probe.setVisible(false);
    getChildren().setAll(this.items);
    getChildren().add(probe);
    setMinSize(0, 0);
  }

  public ReadOnlyIntegerProperty pages() {
    return pages;
  }

  /** The page shown: the one asked for, or the last when fewer pages fit. */
  public ReadOnlyIntegerProperty shownPage() {
    return shownPage;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  /** The font size this list inherits from the screen's stylesheet, read off a hidden label. */
  private double em() {
    double size = probe.getFont().getSize();
    return size > 0 ? size : 13;
  }

  @Override
  protected void layoutChildren() {
    double em = em();
    double gap = gapEm * em;
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    int columns = minCellEm <= 0 ? 1 : Math.max(1, (int) ((width + gap) / (minCellEm * em + gap)));
    double cellWidth = (width - gap * (columns - 1)) / columns;

    // Break the items into pages of rows.
    List<List<List<Node>>> book = new ArrayList<>();
    List<List<Node>> sheet = new ArrayList<>();
    double y = 0;
    for (int i = 0; i < items.size(); i += columns) {
      List<Node> row = items.subList(i, Math.min(items.size(), i + columns));
      double rowHeight = 0;
      for (Node n : row) {
        rowHeight = Math.max(rowHeight, n.prefHeight(cellWidth));
      }
      double needed = (sheet.isEmpty() ? 0 : gap) + rowHeight;
      if (!sheet.isEmpty() && y + needed > height) {
        book.add(sheet);
        sheet = new ArrayList<>();
        y = 0;
        needed = rowHeight;
      }
      sheet.add(row);
      y += needed;
    }
    if (!sheet.isEmpty() || book.isEmpty()) {
      book.add(sheet);
    }
    int shown = Math.min(page, book.size() - 1);
    for (Node n : items) {
      n.setVisible(false);
    }
    double rowTop = top;
    for (List<Node> row : book.get(shown)) {
      double rowHeight = 0;
      for (Node n : row) {
        rowHeight = Math.max(rowHeight, n.prefHeight(cellWidth));
      }
      // A single row taller than the page is shown cut to the page (the item offers its own
      // "more").
      rowHeight = Math.min(rowHeight, height - (rowTop - top));
      for (int c = 0; c < row.size(); c++) {
        Node n = row.get(c);
        n.setVisible(true);
        layoutInArea(
            n, left + c * (cellWidth + gap), rowTop, cellWidth, rowHeight, 0, HPos.LEFT, VPos.TOP);
      }
      rowTop += rowHeight + gap;
    }
    pages.set(book.size());
    shownPage.set(shown);
  }
}
