package liaison.hub.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import java.io.CharConversionException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.config.DiskFull;
import liaison.hub.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refusal the framework makes itself — a body that is not the JSON asked for, a query value
 * that does not convert, a missing body or parameter, an unknown address, a method or content type
 * not taken, an error nobody handled — answered as the hub's own problems are: zh first, en second,
 * JSON for the API and a page for people, never a Java class, a Jackson message or a stack. This is
 * the one place Micronaut's {@code ErrorResponseProcessor} is replaced; each 400 is counted as bad
 * input ({@link ProblemHandlers#source}) with a short reason, and a full disk is answered 507 and
 * logged with the path.
 */
@Singleton
public class ErrorAnswers implements ErrorResponseProcessor<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

  private final ProblemHandlers problems;
  private final DiskFull diskFull;

  public ErrorAnswers(ProblemHandlers problems, DiskFull diskFull) {
    this.problems = problems;
    this.diskFull = diskFull;
  }

  /** What the person is told, and the word the refusal is counted under (null: not bad input). */
  record Refusal(HttpStatus status, @Nullable String reason, String zh, String en, List<FieldError> errors) {
    static Refusal of(HttpStatus status, @Nullable String reason, String zh, String en) {
      return new Refusal(status, reason, zh, en, List.of());
    }
  }

  @Override
  public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
    HttpRequest<?> request = context.getRequest();
    Throwable cause = context.getRootCause().orElse(null);
    Refusal refusal = refusal(request, response.getStatus(), cause);
    if (refusal.reason() != null) {
      problems.recordBadInput(request, refusal.reason(), detail(cause, refusal));
    }
    response.status(refusal.status());
    @SuppressWarnings("unchecked")
    MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
    if (request.getMethod() == HttpMethod.HEAD) {
      return out;
    }
    return problems.fill(request, out, refusal.zh(), refusal.en(), refusal.errors());
  }

  Refusal refusal(HttpRequest<?> request, HttpStatus status, @Nullable Throwable cause) {
    if (cause instanceof ConversionErrorException conversion) {
      Throwable why = conversion.getConversionError().getCause();
      Argument<?> argument = conversion.getArgument();
      if (isBody(argument) || why instanceof JacksonException) {
        return json(why);
      }
      return parameter(argument, conversion.getConversionError().getOriginalValue().map(String::valueOf).orElse(""));
    }
    Argument<?> unsatisfied =
        cause instanceof UnsatisfiedRouteException route
            ? route.getArgument()
            : cause instanceof UnsatisfiedArgumentException bind ? bind.getArgument() : null;
    if (unsatisfied != null) {
      Argument<?> argument = unsatisfied;
      if (isBody(argument)) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST,
            "no-body",
            "请求缺少内容：需要一个 JSON 对象，如 {\"name\": \"…\"}",
            "the request has no body: a JSON object such as {\"name\": \"…\"} is expected");
      }
      return Refusal.of(
          HttpStatus.BAD_REQUEST, "missing-parameter", "缺少 " + argument.getName(), argument.getName() + " is missing");
    }
    if (cause instanceof JsonSyntaxException || cause instanceof CodecException) {
      return json(cause.getCause() == null ? cause : cause.getCause());
    }
    if (cause instanceof JacksonException || cause instanceof CharConversionException) {
      return json(cause);
    }
    if (cause instanceof java.net.URISyntaxException) {
      return Refusal.of(HttpStatus.BAD_REQUEST, "bad-address", "地址无效", "the address is not valid");
    }
    if (cause != null && isMalformedUpload(cause)) {
      return Refusal.of(
          HttpStatus.BAD_REQUEST,
          "malformed-upload",
          "上传的表单无法读取，请重新选择文件后提交",
          "the uploaded form cannot be read; choose the file again and send it");
    }
    Optional<Path> full = cause == null ? Optional.empty() : diskFull.where(cause);
    if (full.isPresent()) {
      LOG.error("{}: {} {} could not be saved", DiskFull.describe(full.get()), request.getMethodName(), request.getPath());
      return Refusal.of(
          HttpStatus.INSUFFICIENT_STORAGE,
          null,
          DiskFull.ZH + "，未能保存；请联系管理员清理枢纽的磁盘",
          "the hub's disk is full; nothing was saved; ask the administrator to free some space");
    }
    return switch (status) {
      case NOT_FOUND -> Refusal.of(status, null, "没有这个页面", "no such page");
      case METHOD_NOT_ALLOWED ->
          Refusal.of(status, "method", "这个地址不接受 " + request.getMethodName() + " 请求", "this address does not take " + request.getMethodName() + " requests");
      case UNSUPPORTED_MEDIA_TYPE ->
          Refusal.of(
              status,
              "media-type",
              "这里不接受这种内容类型" + request.getContentType().map(t -> "（" + t.getName() + "）").orElse(""),
              "this kind of content is not taken here" + request.getContentType().map(t -> " (" + t.getName() + ")").orElse(""));
      case NOT_ACCEPTABLE -> Refusal.of(status, null, "无法以所要求的格式回答", "cannot answer in the format asked for");
      case REQUEST_ENTITY_TOO_LARGE -> Refusal.of(status, "too-large", "提交的内容太大", "the request is too large");
      case BAD_REQUEST -> Refusal.of(status, "bad-request", "请求无效，无法处理", "the request is not valid and cannot be handled");
      default ->
          status.getCode() >= 500
              ? Refusal.of(status, null, "枢纽出错了，已记录；请稍后再试", "the hub ran into an error; it has been logged; try again later")
              : Refusal.of(status, null, "无法完成这个请求", "this request cannot be carried out");
    };
  }

  /** A JSON body that cannot be read as the record asked for: what is wrong, per field when known. */
  static Refusal json(@Nullable Throwable why) {
    String field = why instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
    // A reading problem (syntax, encoding, limits) may come wrapped in a mapping one: look beneath.
    for (Throwable t = why; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST,
            "too-deep-or-long",
            "请求内容嵌套太深或数值太长，无法读取",
            "the body is nested too deeply or holds a value too long to read");
      }
      if (t instanceof CharConversionException || messageOf(t).contains("Invalid UTF-8")) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "not-utf8", "请求内容不是有效的 UTF-8 文本", "the body is not valid UTF-8 text");
      }
      if (messageOf(t).startsWith("Duplicate field")) {
        String name = between(messageOf(t), "'", "'");
        return new Refusal(
            HttpStatus.BAD_REQUEST,
            "duplicate-key",
            "请求内容中字段 " + name + " 出现了两次",
            "the body names the field " + name + " twice",
            List.of(new FieldError(name, "字段 " + name + " 出现了两次", "the field " + name + " appears twice")));
      }
      if (t instanceof StreamReadException && !(t instanceof InputCoercionException) || messageOf(t).startsWith("Trailing token")) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "not-json", "请求内容不是有效的 JSON", "the body is not valid JSON");
      }
    }
    if (why instanceof InputCoercionException) {
      return fieldRefusal("number-out-of-range", field, "数值超出范围", "the number is out of range");
    }
    if (why instanceof MismatchedInputException mismatch) {
      if (field.isEmpty()) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST,
            "not-an-object",
            "请求内容应当是一个 JSON 对象，如 {\"name\": \"…\"}",
            "the body must be a JSON object such as {\"name\": \"…\"}");
      }
      String[] expected = expected(mismatch.getTargetType());
      return fieldRefusal("wrong-type", field, "应当是" + expected[0], "must be " + expected[1]);
    }
    if (why instanceof JsonMappingException) {
      return field.isEmpty()
          ? Refusal.of(HttpStatus.BAD_REQUEST, "invalid-value", "请求内容无法读取", "the body cannot be read")
          : fieldRefusal("invalid-value", field, "的值无效", "has a value that cannot be used");
    }
    return Refusal.of(
        HttpStatus.BAD_REQUEST, "not-json", "请求内容不是有效的 JSON", "the body is not valid JSON");
  }

  private static Refusal fieldRefusal(String reason, String field, String zh, String en) {
    if (field.isEmpty()) {
      return Refusal.of(HttpStatus.BAD_REQUEST, reason, "请求内容有误：" + zh, "the body is wrong: " + en);
    }
    return new Refusal(
        HttpStatus.BAD_REQUEST,
        reason,
        "请求内容有误：字段 " + field + " " + zh,
        "the body is wrong: the field " + field + " " + en,
        List.of(new FieldError(field, "字段 " + field + " " + zh, "the field " + field + " " + en)));
  }

  /** A query or path value that does not convert; an enum's choices are listed. */
  static Refusal parameter(Argument<?> argument, String value) {
    String name = argument.getName();
    Class<?> type = argument.getType();
    if (type.isEnum()) {
      List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      var problem = liaison.hub.problem.BadRequestProblem.unknownChoice(name, value, allowed);
      return Refusal.of(HttpStatus.BAD_REQUEST, problem.reason(), problem.zh(), problem.en());
    }
    String[] expected = expected(type);
    return Refusal.of(
        HttpStatus.BAD_REQUEST,
        "bad-parameter",
        "参数 " + name + " 的值无效：应当是" + expected[0],
        "the value of " + name + " cannot be used: it must be " + expected[1]);
  }

  /** What a value of this type looks like, in words for people: [zh, en]. */
  static String[] expected(@Nullable Class<?> type) {
    if (type == null) {
      return new String[] {"别的类型", "of another type"};
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return new String[] {"文本", "text"};
    }
    if (type == Boolean.class || type == boolean.class) {
      return new String[] {" true 或 false", "true or false"};
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
      return new String[] {"整数", "a whole number"};
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return new String[] {"数字", "a number"};
    }
    if (type.isEnum()) {
      String names = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
      return new String[] {"以下之一：" + names, "one of " + names};
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return new String[] {"列表 [ … ]", "a list [ … ]"};
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return new String[] {"对象 { … }", "an object { … }"};
    }
    if (type.getName().startsWith("java.time.")) {
      return new String[] {"日期或时间文本，如 2026-11-23T09:00", "a date or time such as 2026-11-23T09:00"};
    }
    return new String[] {"别的类型", "of another type"};
  }

  /** {@code stationIds[2]}, {@code entries[0].seconds}: the place in the body, in the body's own names. */
  private static String path(List<JsonMappingException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : references) {
      if (r.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static boolean isBody(Argument<?> argument) {
    return argument.getAnnotationMetadata().hasAnnotation(Body.class);
  }

  /** Netty's multipart decoder refusing a body (a bad boundary, a part cut short). */
  private static boolean isMalformedUpload(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      String type = t.getClass().getName();
      if (type.startsWith("io.netty.handler.codec.http.multipart.")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static String messageOf(@Nullable Throwable t) {
    if (t instanceof JacksonException jackson) {
      return jackson.getOriginalMessage() == null ? "" : jackson.getOriginalMessage();
    }
    return t == null || t.getMessage() == null ? "" : t.getMessage();
  }

  private static String between(String text, String open, String close) {
    int start = text.indexOf(open);
    int end = start < 0 ? -1 : text.indexOf(close, start + 1);
    return start < 0 || end < 0 ? "" : text.substring(start + 1, end);
  }

  /** For the log: the refusal, and the library's own words (never shown to the person). */
  private static String detail(@Nullable Throwable cause, Refusal refusal) {
    String own = cause == null ? "" : messageOf(cause.getCause() != null && !(cause instanceof JacksonException) ? cause.getCause() : cause);
    int newline = own.indexOf('\n');
    own = newline < 0 ? own : own.substring(0, newline);
    own = own.length() > 200 ? own.substring(0, 200) + "…" : own;
    return refusal.en() + (own.isEmpty() ? "" : " (" + own + ")");
  }
}
