package liaison.kiosk.pages;

import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.PagedList;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.kiosk.nav.Rating;
import liaison.kiosk.pages.PageModels.Day;
import liaison.kiosk.pages.PageModels.DeputiesModel;
import liaison.kiosk.pages.PageModels.DeputyCard;
import liaison.kiosk.pages.PageModels.DeputyModel;
import liaison.kiosk.pages.PageModels.Entry;
import liaison.kiosk.pages.PageModels.Figures;
import liaison.kiosk.pages.PageModels.LevelChip;
import liaison.kiosk.pages.PageModels.NoticeItem;
import liaison.kiosk.pages.PageModels.NoticeModel;
import liaison.kiosk.pages.PageModels.NoticesModel;
import liaison.kiosk.pages.PageModels.ResultsModel;
import liaison.kiosk.pages.PageModels.ScheduleModel;
import liaison.kiosk.pages.PageModels.Share;
import liaison.kiosk.qr.QrCode;
import liaison.kiosk.qr.QrView;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.text.Bilingual;

/** Draws the pages beyond Home from their models. Lists are paged, never scrolled. */
public final class PagesView {

  private final boolean english;
  private final Actions actions;
  private final Portraits portraits;

  public PagesView(boolean english, Actions actions, Portraits portraits) {
    this.english = english;
    this.actions = actions;
    this.portraits = portraits;
  }

  // --- deputies -------------------------------------------------------------------------------

  public Node deputies(DeputiesModel model, Page.Deputies page) {
    HBox chips = new HBox();
    chips.getStyleClass().add("chips");
    chips.getChildren().add(chip(Bilingual.of("全部", "All"), page.level().isEmpty(), () -> actions.go(Page.Deputies.all())));
    for (LevelChip c : model.levels()) {
      chips.getChildren()
          .add(
              chip(
                  Bilingual.of(c.label().zh() + " " + c.count(), c.label().en() + " " + c.count()),
                  model.selected().equals(Optional.of(c.level())),
                  () -> actions.go(new Page.Deputies(Optional.of(c.level()), 0))));
    }
    List<Node> cards = model.cards().stream().map(this::deputyCard).toList();
    Node list =
        cards.isEmpty()
            ? Ui.placeholder(Bilingual.of("本站暂无代表信息", "No deputies listed for this station"), english)
            : null;
    return listPage(
        Bilingual.of("本站代表", "Deputies at this station"),
        chips,
        cards,
        list,
        page.page(),
        14,
        p -> new Page.Deputies(page.level(), p));
  }

  private Node chip(Bilingual text, boolean selected, Runnable action) {
    Label label = Ui.label("chip", text.primary(english));
    label.setMinWidth(Region.USE_PREF_SIZE);
    if (selected) {
      label.getStyleClass().add("selected");
    }
    label.getStyleClass().add("tappable");
    label.setOnMouseClicked(e -> action.run());
    return label;
  }

  private Node deputyCard(DeputyCard d) {
    Label name = Ui.label("card-name", d.name());
    name.setMinWidth(0);
    Label level = Ui.label("deputy-level", d.level().primary(english));
    level.setMinWidth(0);
    Label occupation = Ui.label("deputy-occupation", d.occupation());
    occupation.setMinWidth(0);
    VBox text = new VBox(name, level, occupation);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox card = new HBox(portraits.node(d.photo(), d.initial(), 2.6), text);
    card.getStyleClass().addAll("card", "deputy-card", "tappable");
    card.setAlignment(Pos.CENTER_LEFT);
    card.setMinWidth(0);
    card.setOnMouseClicked(e -> actions.go(new Page.Deputy(d.id())));
    return card;
  }

  public Node deputy(Optional<DeputyModel> found) {
    if (found.isEmpty()) {
      return gone(Bilingual.of("该代表信息已更新，请返回", "This deputy's details have changed; please go back"));
    }
    DeputyModel m = found.get();
    Label name = Ui.label("detail-name", m.card().name());
    Label levels =
        Ui.label("detail-levels", String.join(" · ", m.levels().stream().map(l -> l.primary(english)).toList()));
    levels.setWrapText(true);
    VBox facts = new VBox();
    facts.getStyleClass().add("facts");
    fact(facts, Bilingual.of("选区", "Constituency"), m.constituency());
    fact(facts, Bilingual.of("职业", "Occupation"), m.occupation());
    fact(facts, Bilingual.of("单位", "Work unit"), m.workUnit());
    fact(facts, Bilingual.of("专长", "Specialties"), String.join("、", m.specialties()));
    m.phone().ifPresent(p -> fact(facts, Bilingual.of("联系电话", "Phone"), p));
    fact(
        facts,
        Bilingual.of("近期接待", "Coming duty"),
        m.duties().isEmpty()
            ? Bilingual.of("暂无安排", "None announced").primary(english)
            : String.join("；", m.duties().stream().map(d -> d.primary(english)).toList()));
    VBox head = new VBox(name, levels);
    head.setMinWidth(0);
    HBox top = new HBox(portraits.node(m.card().photo(), m.card().initial(), 4.5), head);
    top.getStyleClass().add("detail-head");
    top.setAlignment(Pos.CENTER_LEFT);
    VBox left = new VBox(top, facts);
    left.getStyleClass().add("detail-left");
    left.setMinWidth(0);
    HBox.setHgrow(left, Priority.ALWAYS);
    Node qr =
        qrCard(
            m.messageUrl(),
            m.addressedToDeputy()
                ? Bilingual.of("扫码给" + m.card().name() + "留言", "Scan to leave a message for this deputy")
                : Bilingual.of("扫码提意见", "Scan to give your opinion"));
    HBox body = new HBox(left, qr);
    body.getStyleClass().add("detail-body");
    VBox.setVgrow(body, Priority.ALWAYS);
    body.setMinHeight(0);
    return withBack(body);
  }

  private void fact(VBox facts, Bilingual label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    Label key = Ui.label("fact-key", label.primary(english));
    key.setMinWidth(Region.USE_PREF_SIZE);
    Label text = Ui.label("fact-value", value);
    text.setWrapText(true);
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    HBox row = new HBox(key, text);
    row.getStyleClass().add("fact");
    facts.getChildren().add(row);
  }

  private Node qrCard(String url, Bilingual caption) {
    QrView qr = new QrView();
    qr.show(QrCode.of(url));
    VBox.setVgrow(qr, Priority.ALWAYS);
    Label main = Ui.label("qr-caption-small", caption.primary(english));
    main.setWrapText(true);
    Label sub = Ui.label("qr-caption-en", caption.secondary(english));
    sub.setWrapText(true);
    VBox card = new VBox(qr, main, sub);
    card.getStyleClass().add("qr-card");
    card.setAlignment(Pos.TOP_CENTER);
    card.setMinWidth(0);
    card.setMinHeight(0);
    card.setPrefWidth(Region.USE_COMPUTED_SIZE);
    card.setMaxWidth(Double.MAX_VALUE);
    StackPane holder = new StackPane(card);
    holder.getStyleClass().add("qr-holder");
    holder.setMinWidth(0);
    holder.setMinHeight(0);
    holder.parentProperty()
        .addListener(
            (o, was, parent) -> {
              if (parent instanceof Region r) {
                holder.prefWidthProperty().bind(r.widthProperty().multiply(0.32));
                holder.maxWidthProperty().bind(holder.prefWidthProperty());
              }
            });
    return holder;
  }

  // --- schedule -------------------------------------------------------------------------------

  public Node schedule(ScheduleModel model, Page.Schedule page) {
    List<Node> days = model.days().stream().map(this::day).toList();
    Node note =
        model.note().<Node>map(n -> Ui.label("page-note", n.joined(english))).orElse(new Region());
    return listPage(
        Bilingual.of("近两周接待安排", "Reception schedule, next 14 days"),
        note,
        days,
        days.isEmpty()
            ? Ui.placeholder(Bilingual.of("近两周暂无已公告的接待", "No announced reception in the next two weeks"), english)
            : null,
        page.page(),
        0,
        Page.Schedule::new);
  }

  private Node day(Day day) {
    Label label = Ui.label("day-label", day.label().primary(english));
    label.setMinWidth(Region.USE_PREF_SIZE);
    VBox box = new VBox(label);
    if (day.today()) {
      Label today = Ui.label("today-chip", Bilingual.of("今天", "Today").primary(english));
      today.setMinWidth(Region.USE_PREF_SIZE);
      HBox line = new HBox(label, today);
      line.setAlignment(Pos.CENTER_LEFT);
      line.getStyleClass().add("day-line");
      box.getChildren().setAll(line);
      box.getStyleClass().add("is-today");
    }
    for (Entry e : day.entries()) {
      String what = e.names() + (e.theme().isEmpty() ? "" : " · " + e.theme()) + (e.location().isEmpty() ? "" : " · " + e.location());
      HBox row = new HBox(Ui.fixed("entry-window", e.window()));
      e.status().map(s -> Ui.fixed("entry-status", s.primary(english))).ifPresent(row.getChildren()::add);
      e.booking().map(b -> Ui.fixed("booking-chip", b.primary(english))).ifPresent(row.getChildren()::add);
      row.getChildren().add(Ui.shrinking("entry-text", what));
      row.getStyleClass().add("entry");
      row.setAlignment(Pos.CENTER_LEFT);
      box.getChildren().add(row);
    }
    box.getStyleClass().add("day");
    return box;
  }

  // --- notices --------------------------------------------------------------------------------

  public Node notices(NoticesModel model, Page.Notices page) {
    List<Node> items = model.notices().stream().map(this::noticeItem).toList();
    return listPage(
        Bilingual.of("公告", "Notices"),
        new Region(),
        items,
        items.isEmpty() ? Ui.placeholder(Bilingual.of("暂无公告", "No notices"), english) : null,
        page.page(),
        0,
        Page.Notices::new);
  }

  private Node noticeItem(NoticeItem n) {
    Label tag = Ui.label("notice-tag", n.tag().primary(english));
    tag.setMinWidth(Region.USE_PREF_SIZE);
    if (n.urgent()) {
      tag.getStyleClass().add("urgent");
    }
    Label title = Ui.label("item-title", n.title());
    title.setMinWidth(0);
    HBox.setHgrow(title, Priority.ALWAYS);
    Label period = Ui.label("item-period", n.period().primary(english));
    period.setMinWidth(Region.USE_PREF_SIZE);
    HBox line = new HBox(tag, title, period);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("item-line");
    Label preview = Ui.label("item-preview", n.preview());
    preview.setMinWidth(0);
    VBox box = new VBox(line, preview);
    box.getStyleClass().addAll("card", "notice-item", "tappable");
    box.setOnMouseClicked(e -> actions.go(new Page.Notice(n.id(), 0)));
    return box;
  }

  public Node notice(Optional<NoticeModel> found) {
    if (found.isEmpty()) {
      return gone(Bilingual.of("该公告已结束或已撤下", "This notice has ended or was withdrawn"));
    }
    NoticeModel m = found.get();
    Label tag = Ui.label("notice-tag", m.item().tag().primary(english));
    tag.setMinWidth(Region.USE_PREF_SIZE);
    if (m.item().urgent()) {
      tag.getStyleClass().add("urgent");
    }
    Label title = Ui.label("detail-title", m.item().title());
    title.setWrapText(true);
    title.setMinWidth(0);
    HBox.setHgrow(title, Priority.ALWAYS);
    HBox head = new HBox(tag, title);
    head.setAlignment(Pos.CENTER_LEFT);
    head.getStyleClass().add("detail-title-line");
    Label period = Ui.label("item-period", m.item().period().joined(english));
    Label body = Ui.label("detail-text", m.body());
    body.setWrapText(true);
    body.setMinWidth(0);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setPannable(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    scroll.getStyleClass().add("text-scroll");
    scroll.setMinHeight(0);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    // Long notices page by the screenful with large buttons, for visitors who do not swipe.
    VBox up = Ui.button(Bilingual.of("上一页", "Previous"), english, "pager-button", () -> scrollBy(scroll, -1));
    VBox down = Ui.button(Bilingual.of("下一页", "Next"), english, "pager-button", () -> scrollBy(scroll, 1));
    up.disableProperty().bind(scroll.vvalueProperty().lessThanOrEqualTo(0.001));
    down.disableProperty()
        .bind(
            scroll.vvalueProperty()
                .greaterThanOrEqualTo(0.999)
                .or(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> body.getHeight() <= scroll.getViewportBounds().getHeight() + 1,
                    body.heightProperty(),
                    scroll.viewportBoundsProperty())));
    HBox pager = new HBox(up, down);
    pager.getStyleClass().add("pager");
    pager.setAlignment(Pos.CENTER_RIGHT);
    VBox page = new VBox(head, period, scroll, pager);
    page.getStyleClass().add("notice-detail");
    page.setMinHeight(0);
    VBox.setVgrow(page, Priority.ALWAYS);
    return withBack(page);
  }

  private static void scrollBy(ScrollPane scroll, int direction) {
    double content = scroll.getContent().getBoundsInLocal().getHeight();
    double view = scroll.getViewportBounds().getHeight();
    if (content <= view) {
      return;
    }
    double step = (view * 0.9) / (content - view);
    scroll.setVvalue(Math.max(0, Math.min(1, scroll.getVvalue() + direction * step)));
  }

  // --- results --------------------------------------------------------------------------------

  public Node results(ResultsModel model) {
    VBox page = new VBox(Ui.section(Bilingual.of("意见办理情况", "How residents' opinions were handled"), english));
    page.getStyleClass().add("page");
    if (model.figures().isEmpty()) {
      page.getChildren()
          .add(Ui.placeholder(Bilingual.of("暂无办理情况数据", "No handling figures published yet"), english));
      return page;
    }
    Figures f = model.figures().get();
    Label since = Ui.label("page-note", f.since().primary(english));
    HBox big =
        new HBox(
            figure(Bilingual.of("收到意见", "Opinions received"), String.valueOf(f.received())),
            figure(Bilingual.of("已答复", "Answered"), String.valueOf(f.answered())),
            figure(Bilingual.of("答复率", "Answer rate"), f.answeredPercent() + "%"));
    big.getStyleClass().add("figures");
    VBox bars = new VBox();
    bars.getStyleClass().add("bars");
    bars.getChildren()
        .add(Ui.label("bars-title", Bilingual.of("群众满意度（" + f.rated() + " 份评价）", "Satisfaction (" + f.rated() + " ratings)").primary(english)));
    for (Share s : f.satisfaction()) {
      Label label = Ui.label("bar-label", s.label().primary(english));
      label.setMinWidth(Region.USE_PREF_SIZE);
      Region bar = new Region();
      bar.getStyleClass().add("bar");
      Region rest = new Region();
      HBox track = new HBox(bar, rest);
      track.getStyleClass().add("bar-track");
      HBox.setHgrow(track, Priority.ALWAYS);
      bar.prefWidthProperty().bind(track.widthProperty().multiply(s.percent() / 100.0));
      bar.minWidthProperty().bind(bar.prefWidthProperty());
      Label value = Ui.label("bar-value", s.count() + " · " + s.percent() + "%");
      value.setMinWidth(Region.USE_PREF_SIZE);
      HBox row = new HBox(label, track, value);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("bar-row");
      bars.getChildren().add(row);
    }
    page.getChildren().addAll(since, big, bars);
    return page;
  }

  private Node figure(Bilingual label, String value) {
    Label number = Ui.label("figure-value", value);
    Label text = Ui.label("figure-label", label.primary(english));
    Label sub = Ui.label("figure-sub", label.secondary(english));
    VBox box = new VBox(number, text, sub);
    box.getStyleClass().add("figure");
    box.setAlignment(Pos.CENTER);
    HBox.setHgrow(box, Priority.ALWAYS);
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  // --- feedback -------------------------------------------------------------------------------

  public Node feedback(boolean thanking) {
    VBox page = new VBox();
    page.getStyleClass().addAll("page", "feedback");
    page.setAlignment(Pos.CENTER);
    if (thanking) {
      Bilingual thanksText = Bilingual.of("谢谢您的评价！", "Thank you for your rating!");
      Label thanks = Ui.label("thanks", thanksText.primary(english));
      Label thanksEn = Ui.label("question-sub", thanksText.secondary(english));
      Label sub = Ui.label("thanks-sub", Bilingual.of("您的意见我们会认真听取", "We take every rating to heart").joined(english));
      page.getChildren().addAll(thanks, thanksEn, sub);
      return page;
    }
    Label question = Ui.label("question", Bilingual.of("您对本次接待满意吗？", "How satisfied are you with today's visit?").primary(english));
    question.setWrapText(true);
    Label sub = Ui.label("question-sub", Bilingual.of("How satisfied are you with today's visit?", "您对本次接待满意吗？").primary(english));
    HBox buttons = new HBox();
    buttons.getStyleClass().add("rating-buttons");
    buttons.setAlignment(Pos.CENTER);
    for (Rating r : Rating.values()) {
      VBox b = Ui.button(r.label(), english, "rating-" + r.name().toLowerCase().replace('_', '-'), () -> actions.rate(r));
      b.getStyleClass().add("rating");
      HBox.setHgrow(b, Priority.ALWAYS);
      b.setMaxWidth(Double.MAX_VALUE);
      b.setPrefWidth(0);
      buttons.getChildren().add(b);
    }
    Label privacy = Ui.label("page-note", Bilingual.of("匿名评价，只记录满意程度", "Anonymous: only the rating is recorded").joined(english));
    page.getChildren().addAll(question, sub, buttons, privacy);
    return page;
  }

  // --- shared ---------------------------------------------------------------------------------

  /**
   * A titled list page: the title, a line of controls, one page of items that fit, and a pager
   * that shows how many pages there are.
   */
  private Node listPage(
      Bilingual title,
      Node controls,
      List<Node> items,
      Node empty,
      int pageIndex,
      double minCellEm,
      IntFunction<Page> pageAt) {
    VBox page = new VBox(Ui.section(title, english), controls);
    page.getStyleClass().add("page");
    page.setMinHeight(0);
    if (empty != null) {
      page.getChildren().add(empty);
      return page;
    }
    PagedList list = new PagedList(items, pageIndex, minCellEm, 0.5);
    VBox.setVgrow(list, Priority.ALWAYS);
    VBox prev = Ui.button(Bilingual.of("上一页", "Previous"), english, "pager-button", () -> actions.go(pageAt.apply(list.shownPage().get() - 1)));
    VBox next = Ui.button(Bilingual.of("下一页", "Next"), english, "pager-button", () -> actions.go(pageAt.apply(list.shownPage().get() + 1)));
    Label where = Ui.label("pager-where");
    where.setMinWidth(Region.USE_PREF_SIZE);
    list.pages()
        .addListener((o, a, b) -> pagerState(list, prev, next, where));
    list.shownPage()
        .addListener((o, a, b) -> pagerState(list, prev, next, where));
    pagerState(list, prev, next, where);
    HBox pager = new HBox(prev, where, next);
    pager.getStyleClass().add("pager");
    pager.setAlignment(Pos.CENTER);
    page.getChildren().addAll(list, pager);
    return page;
  }

  private void pagerState(PagedList list, VBox prev, VBox next, Label where) {
    int pages = list.pages().get();
    int shown = list.shownPage().get();
    prev.setDisable(shown <= 0);
    next.setDisable(shown >= pages - 1);
    where.setText(english ? "Page " + (shown + 1) + " of " + pages : "第 " + (shown + 1) + " / " + pages + " 页");
  }

  private Node withBack(Node content) {
    VBox back = Ui.button(Bilingual.of("返回", "Back"), english, "back-button", actions::back);
    back.setMaxWidth(Region.USE_PREF_SIZE);
    VBox page = new VBox(back, content);
    page.getStyleClass().add("page");
    page.setMinHeight(0);
    VBox.setVgrow(content, Priority.ALWAYS);
    return page;
  }

  private Node gone(Bilingual text) {
    return withBack(Ui.placeholder(text, english));
  }
}
