package liaison.hub.account;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;

/** Staff accounts over JSON, for the county administrator: the list, and a password reset. */
@Controller
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffApiController {
  private final StaffPasswords passwords;

  public StaffApiController(StaffPasswords passwords) {
    this.passwords = passwords;
  }

  /** The county's accounts; whether each must change its password; which may be reset. */
  @Get(uri = "/api/staff", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listStaffAccounts")
  public List<StaffPasswords.Listed> list(@Parameter(hidden = true) Staff staff) {
    return passwords.accounts(staff);
  }

  /**
   * Resets a station manager's or deputy's password to a temporary one, returned once; its owner
   * must change it at the next log-in, and every session of the account is closed. 403 for anyone
   * but a county administrator, or for another administrator's account.
   */
  @Post(uri = "/api/staff/{id}/password-reset", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "resetStaffPassword")
  @ApiAnswers.NotFound
  public HttpResponse<StaffPasswords.Reset> reset(
      @Parameter(hidden = true) Staff staff, String id) {
    return HttpResponse.ok(passwords.reset(staff, id))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }
}
