package liaison.hub.web;

import io.micronaut.http.MediaType;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What an operation of the JSON API answers besides its success, for the OpenAPI document: one
 * annotation per kind of answer, put beside each operation that gives it ({@link Staff} on a
 * controller whose every operation needs a staff member's sign-in). A refusal's body is the hub's
 * problem, {@code {status, message, messageEn, errors[{field, message, messageEn}]}} (schema {@code
 * Problem} in {@code src/main/openapi/shared.yml}), written by {@link ProblemHandlers} and {@link
 * ErrorAnswers}. The annotations are read only while compiling: they change no answer.
 */
public final class ApiAnswers {
  private ApiAnswers() {}

  static final String PROBLEM = "#/components/schemas/Problem";

  /**
   * The description of a 201, declared on the method itself with {@code useReturnTypeSchema = true}
   * (a success code from an annotation like those below would be listed beside a 200).
   */
  public static final String CREATED = "已新建 · Made; the body is the new record";

  /** The description of a 204 (declared on the method itself, as a 201). */
  public static final String DONE = "已办理 · Done; nothing to send back";

  /**
   * Needs a staff member's sign-in (HTTP Basic, or the session cookie with its CSRF token): 401
   * without one, 403 when the person may not do this (their role, another station, a temporary
   * password not yet replaced, a change made with the cookie but without the token), 429 when HTTP
   * Basic is held back after too many failed log-ins.
   */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target({ElementType.TYPE, ElementType.METHOD})
  @ApiResponse(
      responseCode = "401",
      description = "未登录 · Not signed in, or the username or password is wrong",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  @ApiResponse(
      responseCode = "403",
      description =
          "无权办理 · Not allowed: not for this role or station, a temporary password not yet changed, or a change"
              + " made with the session cookie without its CSRF token",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  @ApiResponse(
      responseCode = "429",
      description = "登录失败次数过多 · Too many failed log-ins: wait as Retry-After says",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface Staff {}

  /**
   * 400: the request cannot be read (a body that is not the JSON asked for, a query value none of
   * its choices).
   */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "400",
      description =
          "请求无法读取 · The request cannot be read (not the JSON object asked for, an unknown query value)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface BadRequest {}

  /** 404: no such record, or none this person may see. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "404",
      description = "没有这条记录 · No such record (or none this person may see)",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface NotFound {}

  /**
   * 409: the record's state does not allow this now (a step the case cannot take, nothing to
   * revoke).
   */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "409",
      description = "当前状态不允许 · The record's current state does not allow this; nothing changed",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface Conflict {}

  /** 422: input refused, with a message per field in {@code errors}; nothing saved. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "422",
      description =
          "输入有误，未保存 · Invalid input, nothing saved: errors[] says what is wrong with each field",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface Invalid {}

  /** 429: too many requests from this address; Retry-After says when to try again. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "429",
      description = "请求太频繁 · Too many requests from this address: wait as Retry-After says",
      content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = PROBLEM)))
  public @interface TooManyRequests {}

  /** 200 with a CSV file (UTF-8 with a BOM, so that Excel reads Chinese): raw bytes, not base64. */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "200",
      description = "CSV 文件 · The CSV file (UTF-8 with BOM)",
      content =
          @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
  public @interface CsvFile {}

  /**
   * 200 with a photo (JPEG) and its ETag; 304 when the {@code If-None-Match} sent is that ETag (the
   * caller has it already).
   */
  @Documented
  @Retention(RetentionPolicy.SOURCE)
  @Target(ElementType.METHOD)
  @ApiResponse(
      responseCode = "200",
      description = "照片 · The photo",
      content =
          @Content(
              mediaType = MediaType.IMAGE_JPEG,
              schema = @Schema(type = "string", format = "binary")))
  @ApiResponse(
      responseCode = "304",
      description = "未改变 · The caller has this photo already (If-None-Match)")
  public @interface Photo {}
}
