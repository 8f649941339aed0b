package liaison.hub.problem;

/** The request does not fit the record's current state (e.g. a step the case cannot take now); nothing changed. */
public final class ConflictProblem extends RuntimeException {
  private final String zh;

  public ConflictProblem(String zh, String en) {
    super(en);
    this.zh = zh;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return getMessage();
  }
}
