package liaison.hub.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import liaison.hub.opinion.ForwardingSlips;
import liaison.hub.security.Staff;

/**
 * The forwarding slips (交办单) as A4 PDFs to print: one forwarded case's, and a department's whole
 * day (every case forwarded to it that day), for the station's staff and the county's
 * administrators.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlipController {
  private static final String PDF = "application/pdf";

  private final ForwardingSlips slips;

  public SlipController(ForwardingSlips slips) {
    this.slips = slips;
  }

  @Get(uri = "/cases/{id}/slip.pdf", produces = PDF)
  public HttpResponse<byte[]> one(Staff staff, String id) {
    return pdf(slips.one(staff, id));
  }

  /**
   * Every case forwarded to the department on {@code date} (YYYY-MM-DD, today if none), one slip a
   * case. Under the department, not under /admin/cases: there a browser asking for HTML first was
   * given the case page's route, with "slips.pdf" taken for a case's id.
   */
  @Get(uri = "/departments/{id}/slips.pdf", produces = PDF)
  public HttpResponse<byte[]> day(Staff staff, String id, @Nullable @QueryValue String date) {
    return pdf(slips.day(staff, id, date));
  }

  private static HttpResponse<byte[]> pdf(ForwardingSlips.Printed printed) {
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "inline; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }
}
