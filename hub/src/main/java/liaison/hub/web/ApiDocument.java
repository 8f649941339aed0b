package liaison.hub.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;

/**
 * The hub's REST API as an OpenAPI document, written at compile time from the controllers and
 * served at {@code /openapi/openapi.yml}.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "Liaison hub API · 人大代表联络站枢纽接口",
            version = "1",
            description =
                "Stations, deputies, reception slots and notices for the staff of a county. Sign calls with HTTP"
                    + " Basic (staff account) or the admin's session cookie plus its X-CSRF-Token header. Errors are"
                    + " JSON: status, message (Chinese), messageEn, and errors[] with field, message, messageEn."))
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public final class ApiDocument {
  private ApiDocument() {}
}
