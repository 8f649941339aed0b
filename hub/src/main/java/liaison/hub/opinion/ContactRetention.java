package liaison.hub.opinion;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.config.PrivacyConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.notify.ResidentSms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes residents' contact details a set number of days after their case closed (PIPL Art. 19):
 * closed, closed with guidance, or merged into another case. A reopened case has no closing time,
 * so its contact stays. Each deletion leaves a line in the case's timeline, and takes the number
 * out of the case's SMS (those still waiting are given up).
 */
@Singleton
public class ContactRetention {
  private static final Logger LOG = LoggerFactory.getLogger(ContactRetention.class);

  private final Database database;
  private final Cases cases;
  private final PrivacyConfig config;
  private final ResidentSms residentSms;
  private final Clock clock;

  public ContactRetention(
      Database database, Cases cases, PrivacyConfig config, ResidentSms residentSms, Clock clock) {
    this.database = database;
    this.cases = cases;
    this.config = config;
    this.residentSms = residentSms;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${hub.privacy.retention-check:1h}", initialDelay = "1m")
  @Leased("contact-retention")
  void scheduled() {
    purge();
  }

  /** Deletes what is due now; returns how many contacts were deleted. */
  public int purge() {
    String cutoff = Sql.instant(OffsetDateTime.now(clock).minusDays(config.contactRetentionDays()));
    int deleted =
        database.inTransaction(
            h -> {
              List<String> due =
                  h.createQuery(
                          """
                          SELECT c.id FROM case_contact k JOIN opinion_case c ON c.id = k.case_id
                          WHERE c.closed_at IS NOT NULL AND c.closed_at < :cutoff
                          """)
                      .bind("cutoff", cutoff)
                      .mapTo(String.class)
                      .list();
              for (String caseId : due) {
                h.createUpdate("DELETE FROM case_contact WHERE case_id = :id")
                    .bind("id", caseId)
                    .execute();
                // The number goes from the case's messages too, and what was not sent never is.
                residentSms.forgetCase(h, caseId);
                cases.record(
                    h,
                    caseId,
                    CaseEvent.SYSTEM,
                    "contact-deleted",
                    "retention " + config.contactRetentionDays() + " days after closing");
              }
              return due.size();
            });
    if (deleted > 0) {
      LOG.info(
          "deleted the contact details of {} case(s) closed more than {} days ago (before {})",
          deleted,
          config.contactRetentionDays(),
          cutoff);
    }
    return deleted;
  }
}
