package liaison.hub.station;

/**
 * What the fleet knows of a station's screen, for the station's own API: the version published to
 * it and what it last reported. Declared here and answered by the fleet, which sits above the
 * publisher and the ingest it reads, so stations need neither.
 */
public interface ScreenReports {
  ScreenReport of(StationPlace place);

  /**
   * @param opinionUrl the station's QR link for opinions
   * @param presence 在线 online, 离线 offline or 未连接过 never seen
   * @param reportedAt when the screen last reported (Asia/Shanghai), empty if never
   */
  record ScreenReport(
      String opinionUrl,
      long publishedVersion,
      String presence,
      long shownVersion,
      String reportedAt) {}
}
