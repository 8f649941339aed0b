package liaison.hub.results;

/**
 * Handling figures of the opinions received in a period, each count defined in {@link
 * HandlingResults}.
 */
public record HandlingFigures(
    int received,
    int registered,
    int forwarded,
    int answered,
    int answeredOnTime,
    int closed,
    int satisfied,
    int basicallySatisfied,
    int dissatisfied) {
  public static final HandlingFigures NONE = new HandlingFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

  public HandlingFigures plus(HandlingFigures o) {
    return new HandlingFigures(
        received + o.received,
        registered + o.registered,
        forwarded + o.forwarded,
        answered + o.answered,
        answeredOnTime + o.answeredOnTime,
        closed + o.closed,
        satisfied + o.satisfied,
        basicallySatisfied + o.basicallySatisfied,
        dissatisfied + o.dissatisfied);
  }

  /** How many residents rated (their latest rating each). */
  public int rated() {
    return satisfied + basicallySatisfied + dissatisfied;
  }

  public boolean isEmpty() {
    return received == 0;
  }

  /** Answered of received, as a whole percentage (0 when nothing was received). */
  public int answerRate() {
    return percent(answered, received);
  }

  /** Answered within the deadline of answered, as a whole percentage. */
  public int onTimeRate() {
    return percent(answeredOnTime, answered);
  }

  public int satisfiedShare() {
    return percent(satisfied, rated());
  }

  public int basicallySatisfiedShare() {
    return percent(basicallySatisfied, rated());
  }

  public int dissatisfiedShare() {
    return percent(dissatisfied, rated());
  }

  /** A whole percentage, rounded half up; 0 of nothing is 0. */
  public static int percent(int part, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }
}
