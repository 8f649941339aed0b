package liaison.hub.livelihood;

import liaison.hub.text.Text;

/** Where a proposal came from. */
public enum ProposalSource {
  /** A resident's form from a station's QR link. */
  RESIDENT,
  /** Staff wrote down what a visitor said at a reception. */
  RECEPTION,
  /** Staff entered a deputy's proposal. */
  DEPUTY,
  /** Staff turned an opinion (意见建议) into a proposal. */
  OPINION;

  public Text text() {
    return Text.of("livelihood.source." + name());
  }
}
