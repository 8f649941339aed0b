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
@Controller("/admin/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SlipController {
  private static final String PDF = "application/pdf";

  private final ForwardingSlips slips;

  public SlipController(ForwardingSlips slips) {
    this.slips = slips;
  }

  @Get(uri = "/{id}/slip.pdf", produces = PDF)
  public HttpResponse<byte[]> one(Staff staff, String id) {
    return pdf(slips.one(staff, id));
  }

  /**
   * Every case forwarded to {@code department} on {@code date} (YYYY-MM-DD, today if none), one
   * slip a case.
   */
  @Get(uri = "/slips.pdf", produces = PDF)
  public HttpResponse<byte[]> day(
      Staff staff, @Nullable @QueryValue String department, @Nullable @QueryValue String date) {
    return pdf(slips.day(staff, department, date));
  }

  private static HttpResponse<byte[]> pdf(ForwardingSlips.Printed printed) {
    return HttpResponse.ok(printed.pdf())
        .contentType(PDF)
        .header("Content-Disposition", "inline; filename=\"" + printed.fileName() + "\"")
        .header("Cache-Control", "no-store");
  }
}
