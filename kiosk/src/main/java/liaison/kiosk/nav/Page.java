package liaison.kiosk.nav;

import java.util.Optional;
import liaison.signage.protocol.DeputyLevel;

/** Where the visitor is in the kiosk. Every page returns to {@link Home} after the idle timeout. */
public sealed interface Page {

  /** The tab this page belongs to, for the navigation bar. */
  Tab tab();

  record Home() implements Page {
    @Override
    public Tab tab() {
      return Tab.HOME;
    }
  }

  /** Everyone assigned to the station, or only those at one level. */
  record Deputies(Optional<DeputyLevel> level, int page) implements Page {
    public Deputies {
      page = Math.max(0, page);
    }

    public static Deputies all() {
      return new Deputies(Optional.empty(), 0);
    }

    @Override
    public Tab tab() {
      return Tab.DEPUTIES;
    }
  }

  /** 履职之星: the county's duty stars, from the directory's chips. */
  record Stars(int page) implements Page {
    public Stars {
      page = Math.max(0, page);
    }

    @Override
    public Tab tab() {
      return Tab.DEPUTIES;
    }
  }

  record Deputy(String deputyId) implements Page {
    @Override
    public Tab tab() {
      return Tab.DEPUTIES;
    }
  }

  record Schedule(int page) implements Page {
    public Schedule {
      page = Math.max(0, page);
    }

    @Override
    public Tab tab() {
      return Tab.SCHEDULE;
    }
  }

  record Notices(int page) implements Page {
    public Notices {
      page = Math.max(0, page);
    }

    @Override
    public Tab tab() {
      return Tab.NOTICES;
    }
  }

  record Notice(String noticeId, int page) implements Page {
    public Notice {
      page = Math.max(0, page);
    }

    @Override
    public Tab tab() {
      return Tab.NOTICES;
    }
  }

  /** 办理情况: the figures, and the published summaries' page by the screenful. */
  record Results(int page) implements Page {
    public Results {
      page = Math.max(0, page);
    }

    public Results() {
      this(0);
    }

    @Override
    public Tab tab() {
      return Tab.RESULTS;
    }
  }

  /** The satisfaction buttons after a visit. */
  record Feedback() implements Page {
    @Override
    public Tab tab() {
      return Tab.FEEDBACK;
    }
  }

  /** The navigation bar's entries, in order. */
  enum Tab {
    HOME,
    DEPUTIES,
    SCHEDULE,
    NOTICES,
    RESULTS,
    FEEDBACK;

    public Page page() {
      return switch (this) {
        case HOME -> new Home();
        case DEPUTIES -> Deputies.all();
        case SCHEDULE -> new Schedule(0);
        case NOTICES -> new Notices(0);
        case RESULTS -> new Results();
        case FEEDBACK -> new Feedback();
      };
    }
  }
}
