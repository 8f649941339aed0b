package liaison.hub.problem;

/** The signed-in staff member may not do this. */
public final class ForbiddenProblem extends RuntimeException {
  private final String zh;

  public ForbiddenProblem(String zh, String en) {
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
