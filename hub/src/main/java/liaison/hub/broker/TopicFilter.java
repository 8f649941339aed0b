package liaison.hub.broker;

/** MQTT topic-filter matching, including shared-subscription filters ({@code $share/group/…}). */
final class TopicFilter {
  private TopicFilter() {}

  static boolean matches(String filter, String topic) {
    String plain = filter;
    if (plain.startsWith("$share/")) {
      int slash = plain.indexOf('/', "$share/".length());
      plain = slash < 0 ? "" : plain.substring(slash + 1);
    }
    String[] f = plain.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
