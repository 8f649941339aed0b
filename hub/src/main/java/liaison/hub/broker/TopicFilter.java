package liaison.hub.broker;

/**
 * MQTT topic-filter matching, including shared-subscription filters ({@code $share/group/…}). It
 * runs for every message the hub receives, on Paho's one callback thread: it walks both strings
 * level by level and allocates nothing (splitting both cost about a sixth of that thread's time in
 * a burst of events, issue 22).
 */
final class TopicFilter {
  private static final String SHARE = "$share/";

  private TopicFilter() {}

  static boolean matches(String filter, String topic) {
    int fi = 0;
    if (filter.startsWith(SHARE)) {
      int slash = filter.indexOf('/', SHARE.length());
      if (slash < 0) {
        return topic.isEmpty(); // a share without a filter: the empty filter
      }
      fi = slash + 1;
    }
    int ti = 0;
    while (true) {
      int fe = end(filter, fi);
      if (is(filter, fi, fe, '#')) {
        return true;
      }
      int te = end(topic, ti);
      if (!is(filter, fi, fe, '+')
          && !(fe - fi == te - ti && filter.regionMatches(fi, topic, ti, fe - fi))) {
        return false;
      }
      boolean filterDone = fe == filter.length();
      boolean topicDone = te == topic.length();
      if (filterDone || topicDone) {
        // A filter that goes on matches a topic that ends only with a "#" level next ("a/#", "a").
        return filterDone ? topicDone : is(filter, fe + 1, end(filter, fe + 1), '#');
      }
      fi = fe + 1;
      ti = te + 1;
    }
  }

  /** Where the level starting at {@code from} ends: its next '/' or the end. */
  private static int end(String s, int from) {
    int slash = s.indexOf('/', from);
    return slash < 0 ? s.length() : slash;
  }

  /** Whether the level {@code [from, to)} is the one character {@code c}. */
  private static boolean is(String s, int from, int to, char c) {
    return to - from == 1 && s.charAt(from) == c;
  }
}
