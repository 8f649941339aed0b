package liaison.hub.livelihood;

import liaison.hub.opinion.Category;

/**
 * An opinion staff may turn into a proposal, as a choice shows it: its tracking code, category and
 * the first words of staff's summary or, without one, of its text (staff see cases in full).
 */
public record OpinionChoice(String caseId, String trackingCode, Category category, String gist) {}
