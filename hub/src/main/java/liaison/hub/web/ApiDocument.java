package liaison.hub.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/**
 * The hub's REST API as an OpenAPI document, written at compile time from the controllers and
 * served at {@code /openapi/openapi.yml}: its info here; servers, security schemes and the error
 * body in {@code src/main/openapi/shared.yml}; each operation's summary (its Javadoc's first
 * sentence), operationId and answers ({@link ApiAnswers}) beside it. Settings: {@code
 * hub/openapi.properties}. The document has no license yet: the project has not chosen one.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Liaison hub API · 人大代表联络站枢纽接口",
            version = "1",
            description =
                "Stations, deputies, reception slots, notices, residents' opinions and screens for the staff of a"
                    + " county. Sign calls with HTTP Basic (a staff account) or the admin's session cookie plus its"
                    + " X-CSRF-Token header. Times are Beijing time with their offset (2026-03-02T09:30:00+08:00)."
                    + " A refusal is JSON: status, message (Chinese), messageEn, and errors[] with field, message,"
                    + " messageEn; nothing was changed."))
public final class ApiDocument {
  private ApiDocument() {}
}
