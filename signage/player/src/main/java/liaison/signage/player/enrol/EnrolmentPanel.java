package liaison.signage.player.enrol;

import liaison.signage.player.text.Bilingual;
import org.jspecify.annotations.Nullable;

/**
 * The enrolment panel as drawn: a title, the code in large letters (none while the screen is still
 * asking the hub for one), what to do with it and one line more (until when, or what is wrong).
 */
public record EnrolmentPanel(
    Bilingual title,
    @Nullable String code,
    Bilingual instruction,
    Bilingual detail,
    Bilingual station) {}
