package liaison.hub.opinion;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the residents' form sent, as sent.
 *
 * @param photos the file fields' contents in order; empty arrays for fields left empty
 * @param consent the resident ticked the notice about leaving contact details
 * @param contactToDepartment the resident allows their contact to go to the handling department
 * @param notifySms the resident asks for an SMS to the phone they left when the case is answered
 */
public record OpinionDraft(
    @Nullable String category,
    @Nullable String text,
    List<byte[]> photos,
    @Nullable String name,
    @Nullable String phone,
    boolean consent,
    boolean contactToDepartment,
    boolean notifySms) {}
