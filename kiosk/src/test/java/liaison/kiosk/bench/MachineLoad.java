package liaison.kiosk.bench;

import java.lang.management.ManagementFactory;

/**
 * The machine's load average, printed beside the figures: on two shared cores, other builds running
 * at the same time move the absolute numbers (and, less, the ratios).
 */
final class MachineLoad {
  private final double before = now();

  static MachineLoad measure() {
    return new MachineLoad();
  }

  private static double now() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** For example "load average (1 min) 0.42 before, 1.10 after, 2 cores". */
  String summary() {
    return String.format(
        "load average (1 min) %.2f before, %.2f after, %d cores",
        before, now(), Runtime.getRuntime().availableProcessors());
  }
}
