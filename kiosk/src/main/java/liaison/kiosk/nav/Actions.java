package liaison.kiosk.nav;

/** What a tap can do; the screen passes one to every view so views hold no navigation state. */
public interface Actions {
  void go(Page page);

  void back();

  void settings(Settings next);

  /** The visitor's rating of a visit (满意 / 基本满意 / 不满意). */
  void rate(Rating rating);

  /** Does nothing: for views rendered alone in tests. */
  Actions NONE =
      new Actions() {
        @Override
        public void go(Page page) {}

        @Override
        public void back() {}

        @Override
        public void settings(Settings next) {}

        @Override
        public void rate(Rating rating) {}
      };
}
