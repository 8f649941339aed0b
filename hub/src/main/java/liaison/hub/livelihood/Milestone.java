package liaison.hub.livelihood;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone: due on a day, done on a day once it is. */
public record Milestone(
    String id, int position, String title, LocalDate dueOn, @Nullable LocalDate doneOn) {}
