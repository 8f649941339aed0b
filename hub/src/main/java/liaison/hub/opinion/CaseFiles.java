package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.hub.text.Masks;
import org.jspecify.annotations.Nullable;

/**
 * A case as its staff page shows it, for whoever may see it ({@link CaseHandling#get}): the inbox
 * row, the photos, whether a contact was left (the name masked), the code of the case it was merged
 * into, and the timeline with the name of the staff member behind each line.
 */
@Singleton
public class CaseFiles {
  private final CaseHandling handling;
  private final CaseRepository repository;
  private final StaffAccountRepository accounts;
  private final ReplyFiles replyFiles;

  public CaseFiles(
      CaseHandling handling,
      CaseRepository repository,
      StaffAccountRepository accounts,
      ReplyFiles replyFiles) {
    this.handling = handling;
    this.repository = repository;
    this.accounts = accounts;
    this.replyFiles = replyFiles;
  }

  /**
   * @param maskedName the resident's name masked ({@code 张**}); empty without a contact
   * @param mergedCode the tracking code of the case this one was merged into (its id if it is gone)
   * @param attachments the files departments attached to their replies
   */
  public record CaseFile(
      CaseInbox.Row row,
      List<String> photos,
      List<ReplyFiles.Attachment> attachments,
      boolean hasContact,
      String maskedName,
      @Nullable String mergedCode,
      List<TimelineLine> timeline) {}

  /**
   * A line of the timeline.
   *
   * @param staffName "林晓梅（chengguan）" for a staff member's line (the user name alone if the account
   *     is gone); null for the resident's and the system's
   */
  public record TimelineLine(CaseEvent event, @Nullable String staffName) {}

  public CaseFile file(Staff staff, String id) {
    CaseInbox.Row row = handling.get(staff, id);
    OpinionCase c = row.c();
    Optional<CaseContact> contact = repository.contact(id);
    return new CaseFile(
        row,
        repository.photos(id),
        replyFiles.of(id),
        contact.isPresent(),
        contact.map(x -> Masks.name(x.name())).orElse(""),
        c.mergedInto() == null
            ? null
            : repository.find(c.mergedInto()).map(OpinionCase::trackingCode).orElse(c.mergedInto()),
        timeline(id));
  }

  /** A file a department attached to the case, for whoever may see the case. */
  public Optional<ReplyFiles.Download> attachment(Staff staff, String id, String file) {
    handling.get(staff, id);
    return replyFiles.read(id, file);
  }

  /** Whether the resident attached the photo with this hash to the case, for whoever may see it. */
  public boolean hasPhoto(Staff staff, String id, String hash) {
    handling.get(staff, id);
    return repository.photos(id).contains(hash);
  }

  /** The case's timeline with the staff names behind its lines (no access check: the caller's). */
  List<TimelineLine> timeline(String id) {
    Map<String, String> names = new LinkedHashMap<>();
    return repository.events(id).stream()
        .map(
            e ->
                new TimelineLine(
                    e,
                    switch (e.actor()) {
                      case CaseEvent.RESIDENT, CaseEvent.SYSTEM -> null;
                      default ->
                          names.computeIfAbsent(
                              e.actor(),
                              u ->
                                  accounts
                                      .byUsername(u)
                                      .map(a -> a.staff().displayName() + "（" + u + "）")
                                      .orElse(u));
                    }))
        .toList();
  }
}
