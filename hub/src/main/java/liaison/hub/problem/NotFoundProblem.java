package liaison.hub.problem;

/** No such record (or none this staff member may see). */
public final class NotFoundProblem extends RuntimeException {
  private final String zh;

  public NotFoundProblem(String zh, String en) {
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
