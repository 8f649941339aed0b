package liaison.hub.livelihood;

import liaison.hub.text.Text;

/** A proposal's review in the collection: only ACCEPTED ones are public. */
public enum ProposalStatus {
  SUBMITTED,
  ACCEPTED,
  SET_ASIDE;

  public Text text() {
    return Text.of("livelihood.status." + name());
  }
}
