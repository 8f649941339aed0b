package liaison.signage.player.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.jspecify.annotations.Nullable;

/**
 * Groups of items — a level's deputies, a day's receptions — laid out one page at a time, measured
 * at the size the screen gives: as many whole rows as fit, a group's heading kept with its first
 * row and repeated ("continued") at the top of a page its group runs onto, and, when asked, groups
 * small enough for one row standing side by side, each in its own frame so a heading is plainly its
 * group's. Nothing is cut off and nothing dropped: what does not fit is on the next page, and
 * {@link #pages()} says how many there are at this size (a board's time on screen grows with it).
 *
 * <p>A screen nobody touches cannot scroll; this is what its boards use instead.
 */
public final class PagedGroups extends Region {

  /**
   * One group: its heading (none for a plain list), the heading that opens a page the group runs
   * onto, and its items in order.
   */
  public record Group(
      @Nullable Node heading,
      @Nullable Node continued,
      List<? extends Node> items,
      List<List<? extends Node>> finer) {
    public Group {
      items = List.copyOf(items);
      finer = List.copyOf(finer);
    }

    public Group(@Nullable Node heading, @Nullable Node continued, List<? extends Node> items) {
      this(heading, continued, items, List.of());
    }

    /**
     * A plain list given coarse to fine: the same content cut finer (a reception's deputies on
     * more, smaller cards), tried in turn while an item would be taller than a page.
     */
    public static Group cut(List<List<? extends Node>> coarseToFine) {
      return new Group(
          null, null, coarseToFine.getFirst(), coarseToFine.subList(1, coarseToFine.size()));
    }

    List<? extends Node> items(int cut) {
      return cut == 0 || finer.isEmpty() ? items : finer.get(Math.min(cut, finer.size()) - 1);
    }
  }

  /**
   * How the groups are laid out, in em of the region's font.
   *
   * @param cellEm items stand in cells of this width, as many across as fit (photo cards); 0: the
   *     items share the width in {@code columns} equal columns
   * @param columns equal columns when {@code cellEm} is 0 (1: an item a line), at most
   * @param minColumnEm fewer columns when they would be narrower than this (0: no limit)
   * @param besideEm the heading stands in a column this wide to the left of its items (a day beside
   *     its receptions); 0: above them
   * @param sideBySide groups whose items fit on one row share a line, each in a frame (style class
   *     {@code group-frame}, whose padding is the frame's inner margin)
   * @param gapEm between items and between rows of a group
   * @param groupGapEm between groups
   */
  public record Shape(
      double cellEm,
      int columns,
      double minColumnEm,
      double besideEm,
      boolean sideBySide,
      double gapEm,
      double groupGapEm) {

    /** Cards of a fixed width, small groups side by side in frames: the roster. */
    public static Shape cards(double cellEm, double gapEm, double groupGapEm) {
      return new Shape(cellEm, 1, 0, 0, true, gapEm, groupGapEm);
    }

    /** Items in up to so many equal columns, none narrower than {@code minColumnEm}. */
    public static Shape columns(int columns, double minColumnEm, double gapEm, double groupGapEm) {
      return new Shape(0, columns, minColumnEm, 0, false, gapEm, groupGapEm);
    }

    /** An item a line, each group's heading in a column beside it. */
    public static Shape beside(double besideEm, double gapEm, double groupGapEm) {
      return new Shape(0, 1, 0, besideEm, false, gapEm, groupGapEm);
    }
  }

  private final List<Group> groups;
  private final Shape shape;
  private final int page;
  private final List<Region> frames = new ArrayList<>();
  private final Label probe = new Label("字");
  private final IntegerProperty pages = new SimpleIntegerProperty(1);
  private final IntegerProperty shownPage = new SimpleIntegerProperty(0);

  /** Equal columns in force at this layout: the shape's, or fewer where a row would not fit. */
  private int columns = 1;

  /** How finely the items are cut at this layout: 0 as given, then each group's finer cuts. */
  private int cut;

  /**
   * @param page the page to show; past the last, the last
   */
  public PagedGroups(List<Group> groups, Shape shape, int page) {
    this.groups = List.copyOf(groups);
    this.shape = shape;
    this.page = Math.max(0, page);
    getStyleClass().add("paged-groups");
    if (shape.sideBySide()) {
      for (int i = 0; i < groups.size(); i++) {
        Region frame = new Region();
        frame.getStyleClass().add("group-frame");
        frame.setManaged(false);
        frames.add(frame);
      }
      getChildren().addAll(frames);
    }
    for (Group g : this.groups) {
      if (g.heading() != null) {
        getChildren().add(g.heading());
      }
      if (g.continued() != null) {
        getChildren().add(g.continued());
      }
      getChildren().addAll(g.items());
      g.finer().forEach(getChildren()::addAll);
    }
    probe.setManaged(false);
    probe.setVisible(false);
    getChildren().add(probe);
    setMinSize(0, 0);
  }

  /** How many pages the groups take at the size last laid out. */
  public ReadOnlyIntegerProperty pages() {
    return pages;
  }

  /** The page shown: the one asked for, or the last when there are fewer. */
  public ReadOnlyIntegerProperty shownPage() {
    return shownPage;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  // --- laying out ------------------------------------------------------------------------------

  /** A node placed on a page, relative to the page's top left. */
  private record Placed(Node node, double x, double y, double w, double h) {}

  /**
   * One band across the page: a group's heading with its first row, a further row of a group, or
   * several small groups side by side.
   */
  private static final class Line {
    final List<Placed> nodes = new ArrayList<>();
    final List<double[]> frames = new ArrayList<>(); // group index, x, y, w, h
    double height;

    /** The group this line continues (not its first row), or -1. */
    int continues = -1;

    /** The group whose rows this line holds, for the gap between its rows and the next group's. */
    int group = -1;
  }

  /** The groups as lines across the page, at the columns in force. */
  private List<Line> lines(double width, double em, double gap, double groupGap) {
    List<Line> lines = new ArrayList<>();
    Line shared = null;
    double sharedX = 0;
    for (int gi = 0; gi < groups.size(); gi++) {
      Group g = groups.get(gi);
      if (shape.sideBySide()) {
        Insets pad = frames.get(gi).getInsets();
        double innerWidth = width - pad.getLeft() - pad.getRight();
        int across = across(innerWidth, em, gap);
        if (g.items(cut).size() <= across) {
          double[] box = box(g, em, gap, pad);
          if (shared == null || sharedX + groupGap + box[0] > width) {
            shared = new Line();
            lines.add(shared);
            sharedX = -groupGap;
          }
          double x = sharedX + groupGap;
          placeBox(shared, gi, g, x, box, em, gap, pad);
          sharedX = x + box[0];
          continue;
        }
        shared = null;
        framedRows(lines, gi, g, width, em, gap, pad);
        continue;
      }
      rows(lines, gi, g, width, em, gap);
    }
    return lines;
  }

  @Override
  protected void layoutChildren() {
    double em = probe.getFont().getSize() > 0 ? probe.getFont().getSize() : 13;
    double gap = shape.gapEm() * em;
    double groupGap = shape.groupGapEm() * em;
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    for (Group g : groups) {
      hide(g.heading());
      hide(g.continued());
      g.items().forEach(PagedGroups::hide);
      g.finer().forEach(f -> f.forEach(PagedGroups::hide));
    }
    frames.forEach(PagedGroups::hide);
    if (width <= 0 || height <= 0) {
      return;
    }
    // As many columns as asked for, fewer when a row of them would be taller than a page; at one
    // column, the items cut finer while one of them is still taller than a page.
    int cuts = groups.stream().mapToInt(g -> g.finer().size()).max().orElse(0);
    List<Line> lines = List.of();
    search:
    for (cut = 0; cut <= cuts; cut++) {
      for (columns = Math.max(1, shape.columns()); columns >= 1; columns--) {
        lines = lines(width, em, gap, groupGap);
        if (lines.stream().allMatch(l -> l.height <= height) || shape.cellEm() > 0) {
          break search;
        }
      }
    }
    cut = Math.min(cut, cuts);
    columns = Math.max(1, columns);

    // Fill pages: a line that does not fit opens the next page; a page that opens inside a group
    // begins with that group's continued heading.
    List<List<Line>> book = new ArrayList<>();
    List<Line> sheet = new ArrayList<>();
    double y = 0;
    for (Line line : lines) {
      double before = sheet.isEmpty() ? 0 : gapBefore(sheet.getLast(), line, gap, groupGap);
      if (!sheet.isEmpty() && y + before + line.height > height) {
        book.add(sheet);
        sheet = new ArrayList<>();
        y = 0;
        before = 0;
      }
      if (sheet.isEmpty() && line.continues >= 0) {
        line = withContinuedHeading(line, width, em, gap);
      }
      sheet.add(line);
      y += before + line.height;
    }
    if (!sheet.isEmpty() || book.isEmpty()) {
      book.add(sheet);
    }
    int shown = Math.min(page, book.size() - 1);
    double lineTop = top;
    Line previous = null;
    // A group's frame on this page: around all its lines here (x, y, right, bottom).
    java.util.Map<Integer, double[]> framed = new java.util.LinkedHashMap<>();
    for (Line line : book.get(shown)) {
      if (previous != null) {
        lineTop += gapBefore(previous, line, gap, groupGap);
      }
      for (double[] f : line.frames) {
        double fx = left + f[1];
        double fy = lineTop + f[2];
        framed.merge(
            (int) f[0],
            new double[] {fx, fy, fx + f[3], fy + f[4]},
            (a, b) ->
                new double[] {
                  Math.min(a[0], b[0]),
                  Math.min(a[1], b[1]),
                  Math.max(a[2], b[2]),
                  Math.max(a[3], b[3])
                });
      }
      for (Placed p : line.nodes) {
        p.node().setVisible(true);
        layoutInArea(p.node(), left + p.x(), lineTop + p.y(), p.w(), p.h(), 0, HPos.LEFT, VPos.TOP);
      }
      lineTop += line.height;
      previous = line;
    }
    framed.forEach(
        (group, r) -> {
          Region frame = frames.get(group);
          frame.setVisible(true);
          frame.resizeRelocate(
              snapPositionX(r[0]),
              snapPositionY(r[1]),
              snapSizeX(r[2] - r[0]),
              snapSizeY(r[3] - r[1]));
        });
    pages.set(book.size());
    shownPage.set(shown);
  }

  private static double gapBefore(Line previous, Line next, double gap, double groupGap) {
    return next.continues >= 0 && next.continues == previous.group ? gap : groupGap;
  }

  private int across(double width, double em, double gap) {
    if (shape.cellEm() <= 0) {
      int columns = this.columns;
      if (shape.minColumnEm() > 0) {
        double narrowest = shape.minColumnEm() * em;
        columns = Math.min(columns, (int) Math.floor((width + gap) / (narrowest + gap)));
      }
      return Math.max(1, columns);
    }
    double cell = shape.cellEm() * em;
    return Math.max(1, (int) Math.floor((width + gap) / (cell + gap)));
  }

  private double cellWidth(double width, double em, double gap) {
    if (shape.cellEm() > 0) {
      return shape.cellEm() * em;
    }
    int columns = across(width, em, gap);
    return (width - gap * (columns - 1)) / columns;
  }

  /** A small group's frame: width and height, heading above its one row of items. */
  private double[] box(Group g, double em, double gap, Insets pad) {
    double cell = cellWidth(0, em, gap);
    int n = g.items(cut).size();
    double itemsWidth = n * cell + Math.max(0, n - 1) * gap;
    double headingWidth = g.heading() == null ? 0 : g.heading().prefWidth(-1);
    double inner = Math.max(itemsWidth, headingWidth);
    double headingHeight = g.heading() == null ? 0 : g.heading().prefHeight(inner) + gap;
    double rowHeight = rowHeight(g.items(cut), cell);
    return new double[] {
      inner + pad.getLeft() + pad.getRight(),
      pad.getTop() + headingHeight + rowHeight + pad.getBottom(),
      headingHeight,
      rowHeight
    };
  }

  private void placeBox(
      Line line, int gi, Group g, double x, double[] box, double em, double gap, Insets pad) {
    double cell = cellWidth(0, em, gap);
    double inner = box[0] - pad.getLeft() - pad.getRight();
    if (g.heading() != null) {
      line.nodes.add(new Placed(g.heading(), x + pad.getLeft(), pad.getTop(), inner, box[2] - gap));
    }
    double ix = x + pad.getLeft();
    for (Node item : g.items(cut)) {
      line.nodes.add(new Placed(item, ix, pad.getTop() + box[2], cell, box[3]));
      ix += cell + gap;
    }
    line.frames.add(new double[] {gi, x, 0, box[0], box[1]});
    line.height = Math.max(line.height, box[1]);
    line.group = gi;
  }

  /** A group too big for one row, in a frame as wide as the page: a line a row. */
  private void framedRows(
      List<Line> lines, int gi, Group g, double width, double em, double gap, Insets pad) {
    double inner = width - pad.getLeft() - pad.getRight();
    double cell = cellWidth(inner, em, gap);
    int across = across(inner, em, gap);
    List<? extends Node> items = g.items(cut);
    for (int from = 0; from < items.size(); from += across) {
      List<? extends Node> row = items.subList(from, Math.min(items.size(), from + across));
      Line line = new Line();
      line.group = gi;
      // The frame's top margin above its first row only: the rows beneath follow at the gap.
      double y = from == 0 ? pad.getTop() : 0;
      if (from == 0 && g.heading() != null) {
        double h = g.heading().prefHeight(inner);
        line.nodes.add(new Placed(g.heading(), pad.getLeft(), y, inner, h));
        y += h + gap;
      } else if (from > 0) {
        line.continues = gi;
      }
      double rowHeight = rowHeight(row, cell);
      double x = pad.getLeft();
      for (Node item : row) {
        line.nodes.add(new Placed(item, x, y, cell, rowHeight));
        x += cell + gap;
      }
      line.height = y + rowHeight + pad.getBottom();
      line.frames.add(new double[] {gi, 0, 0, width, line.height});
      lines.add(line);
    }
  }

  /** A group as lines: its rows, the heading above the first or beside it. */
  private void rows(List<Line> lines, int gi, Group g, double width, double em, double gap) {
    double beside = shape.besideEm() > 0 && g.heading() != null ? shape.besideEm() * em : 0;
    double itemsLeft = beside > 0 ? beside + gap : 0;
    double inner = width - itemsLeft;
    double cell = cellWidth(inner, em, gap);
    int across = across(inner, em, gap);
    List<? extends Node> items = g.items(cut);
    if (items.isEmpty() && g.heading() != null) {
      Line line = new Line();
      line.group = gi;
      line.height = g.heading().prefHeight(width);
      line.nodes.add(new Placed(g.heading(), 0, 0, width, line.height));
      lines.add(line);
      return;
    }
    for (int from = 0; from < items.size(); from += across) {
      List<? extends Node> row = items.subList(from, Math.min(items.size(), from + across));
      Line line = new Line();
      line.group = gi;
      double y = 0;
      double rowHeight = rowHeight(row, cell);
      if (from == 0 && g.heading() != null) {
        if (beside > 0) {
          double h = g.heading().prefHeight(beside);
          line.nodes.add(new Placed(g.heading(), 0, 0, beside, h));
          line.height = h;
        } else {
          double h = g.heading().prefHeight(width);
          line.nodes.add(new Placed(g.heading(), 0, 0, width, h));
          y = h + gap;
        }
      } else if (from > 0) {
        line.continues = gi;
      }
      double x = itemsLeft;
      for (Node item : row) {
        line.nodes.add(new Placed(item, x, y, cell, rowHeight));
        x += cell + gap;
      }
      line.height = Math.max(line.height, y + rowHeight);
      lines.add(line);
    }
  }

  /** The line again, with its group's continued heading above it or beside it. */
  private Line withContinuedHeading(Line line, double width, double em, double gap) {
    Group g = groups.get(line.continues);
    Node heading = g.continued();
    if (heading == null) {
      return line;
    }
    Line out = new Line();
    out.group = line.group;
    out.continues = line.continues;
    double beside = shape.besideEm() > 0 ? shape.besideEm() * em : 0;
    if (beside > 0 && !shape.sideBySide()) {
      double h = heading.prefHeight(beside);
      out.nodes.add(new Placed(heading, 0, 0, beside, h));
      out.nodes.addAll(line.nodes);
      out.height = Math.max(h, line.height);
      return out;
    }
    double inset = shape.sideBySide() ? frames.get(line.continues).getInsets().getLeft() : 0;
    double top = shape.sideBySide() ? frames.get(line.continues).getInsets().getTop() : 0;
    double innerWidth = width - 2 * inset;
    double h = heading.prefHeight(innerWidth);
    out.nodes.add(new Placed(heading, inset, top, innerWidth, h));
    double shift = top + h + gap;
    for (Placed p : line.nodes) {
      out.nodes.add(new Placed(p.node(), p.x(), p.y() + shift, p.w(), p.h()));
    }
    out.height = line.height + shift;
    for (double[] f : line.frames) {
      out.frames.add(new double[] {f[0], f[1], f[2], f[3], f[4] + shift});
    }
    return out;
  }

  private static double rowHeight(List<? extends Node> row, double cell) {
    double h = 0;
    for (Node n : row) {
      h = Math.max(h, n.prefHeight(cell));
    }
    return h;
  }

  private static void hide(@Nullable Node node) {
    if (node != null) {
      node.setVisible(false);
    }
  }
}
