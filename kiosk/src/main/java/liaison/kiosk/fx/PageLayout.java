package liaison.kiosk.fx;

import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * The two shapes the pages beyond Home take: a titled list paged by the screenful (never scrolled:
 * a visitor who does not know to swipe still reaches everything), and a detail with a back button.
 */
public final class PageLayout {
  private PageLayout() {}

  /**
   * A titled list page: the title, a line of controls, one page of items that fit, and a pager that
   * shows how many pages there are.
   *
   * @param empty shown instead of the list when there is nothing to list
   * @param goTo opens the list's page with that index (the pager's buttons)
   */
  public static Node list(
      Bilingual title,
      boolean english,
      Node controls,
      List<Node> items,
      @Nullable Node empty,
      int pageIndex,
      double minCellEm,
      IntConsumer goTo) {
    VBox page = new VBox(Ui.section(title, english), controls);
    page.getStyleClass().add("page");
    page.setMinHeight(0);
    if (empty != null) {
      page.getChildren().add(empty);
      return page;
    }
    PagedList list = new PagedList(items, pageIndex, minCellEm, 0.5);
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox prev =
        Ui.button(
            Bilingual.of("上一页", "Previous"),
            english,
            "pager-button",
            () -> goTo.accept(list.shownPage().get() - 1));
    VBox next =
        Ui.button(
            Bilingual.of("下一页", "Next"),
            english,
            "pager-button",
            () -> goTo.accept(list.shownPage().get() + 1));
    Label where = Ui.label("pager-where");
    where.setMinWidth(Region.USE_PREF_SIZE);
    list.pages().addListener((o, a, b) -> pagerState(list, prev, next, where, english));
    list.shownPage().addListener((o, a, b) -> pagerState(list, prev, next, where, english));
    pagerState(list, prev, next, where, english);
    HBox pager = new HBox(prev, where, next);
    pager.getStyleClass().add("pager");
    pager.setAlignment(Pos.CENTER);
    page.getChildren().addAll(list, pager);
    return page;
  }

  private static void pagerState(
      PagedList list, VBox prev, VBox next, Label where, boolean english) {
    int pages = list.pages().get();
    int shown = list.shownPage().get();
    prev.setDisable(shown <= 0);
    next.setDisable(shown >= pages - 1);
    where.setText(
        english
            ? "Page " + (shown + 1) + " of " + pages
            : "第 " + (shown + 1) + " / " + pages + " 页");
  }

  /** A detail page: the back button above the content. */
  public static Node withBack(Node content, boolean english, Runnable back) {
    VBox button = Ui.button(Bilingual.of("返回", "Back"), english, "back-button", back);
    button.setMaxWidth(Region.USE_PREF_SIZE);
    VBox page = new VBox(button, content);
    page.getStyleClass().add("page");
    page.setMinHeight(0);
    VBox.setVgrow(content, Priority.ALWAYS);
    return page;
  }

  /**
   * A detail whose record is gone (the hub updated the content meanwhile): say so, offer the way
   * back.
   */
  public static Node gone(Bilingual text, boolean english, Runnable back) {
    return withBack(Ui.placeholder(text, english), english, back);
  }
}
