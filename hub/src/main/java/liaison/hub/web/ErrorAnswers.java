package liaison.hub.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
import liaison.hub.text.Text;
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
  record Refusal(
      HttpStatus status, @Nullable String reason, Text message, List<FieldError> errors) {
    static Refusal of(HttpStatus status, @Nullable String reason, Text message) {
      return new Refusal(status, reason, message, List.of());
    }

    String zh() {
      return message.zh();
    }

    String en() {
      return message.en();
    }
  }

  @Override
  public MutableHttpResponse<Object> processResponse(
      ErrorContext context, MutableHttpResponse<?> response) {
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
    return problems.fill(request, out, refusal.message(), refusal.errors());
  }

  Refusal refusal(HttpRequest<?> request, HttpStatus status, @Nullable Throwable cause) {
    if (cause instanceof ConversionErrorException conversion) {
      Throwable why = conversion.getConversionError().getCause();
      Argument<?> argument = conversion.getArgument();
      if (isBody(argument) || why instanceof JacksonException) {
        return json(why);
      }
      return parameter(
          argument,
          conversion.getConversionError().getOriginalValue().map(String::valueOf).orElse(""));
    }
    Argument<?> unsatisfied =
        cause instanceof UnsatisfiedRouteException route
            ? route.getArgument()
            : cause instanceof UnsatisfiedArgumentException bind ? bind.getArgument() : null;
    if (unsatisfied != null) {
      Argument<?> argument = unsatisfied;
      if (isBody(argument)) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "no-body", Text.of("problem.request.no-body"));
      }
      return Refusal.of(
          HttpStatus.BAD_REQUEST,
          "missing-parameter",
          Text.of("problem.request.missing-parameter", argument.getName()));
    }
    if (cause instanceof JsonSyntaxException || cause instanceof CodecException) {
      return json(cause.getCause() == null ? cause : cause.getCause());
    }
    if (cause instanceof JacksonException || cause instanceof CharConversionException) {
      return json(cause);
    }
    if (cause instanceof java.net.URISyntaxException) {
      return Refusal.of(
          HttpStatus.BAD_REQUEST, "bad-address", Text.of("problem.request.bad-address"));
    }
    if (cause != null && isMalformedUpload(cause)) {
      return Refusal.of(
          HttpStatus.BAD_REQUEST, "malformed-upload", Text.of("problem.request.malformed-upload"));
    }
    Optional<Path> full = cause == null ? Optional.empty() : diskFull.where(cause);
    if (full.isPresent()) {
      LOG.error(
          "{}: {} {} could not be saved",
          DiskFull.describe(full.get()),
          request.getMethodName(),
          request.getPath());
      return Refusal.of(
          HttpStatus.INSUFFICIENT_STORAGE, null, Text.of("problem.request.disk-full"));
    }
    return switch (status) {
      case NOT_FOUND -> Refusal.of(status, null, Text.of("problem.request.not-found"));
      case METHOD_NOT_ALLOWED ->
          Refusal.of(status, "method", Text.of("problem.request.method", request.getMethodName()));
      case UNSUPPORTED_MEDIA_TYPE ->
          Refusal.of(
              status,
              "media-type",
              request
                  .getContentType()
                  .map(t -> Text.of("problem.request.media-type.named", t.getName()))
                  .orElse(Text.of("problem.request.media-type")));
      case NOT_ACCEPTABLE -> Refusal.of(status, null, Text.of("problem.request.not-acceptable"));
      case REQUEST_ENTITY_TOO_LARGE ->
          Refusal.of(status, "too-large", Text.of("problem.request.too-large"));
      case BAD_REQUEST -> Refusal.of(status, "bad-request", Text.of("problem.request.bad"));
      default ->
          status.getCode() >= 500
              ? Refusal.of(status, null, Text.of("problem.request.hub-error"))
              : Refusal.of(status, null, Text.of("problem.request.refused"));
    };
  }

  /**
   * A JSON body that cannot be read as the record asked for: what is wrong, per field when known.
   */
  static Refusal json(@Nullable Throwable why) {
    String field = why instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
    // A reading problem (syntax, encoding, limits) may come wrapped in a mapping one: look beneath.
    for (Throwable t = why; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST, "too-deep-or-long", Text.of("problem.json.too-deep-or-long"));
      }
      if (t instanceof CharConversionException || messageOf(t).contains("Invalid UTF-8")) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "not-utf8", Text.of("problem.json.not-utf8"));
      }
      if (messageOf(t).startsWith("Duplicate field")) {
        String name = between(messageOf(t), "'", "'");
        return new Refusal(
            HttpStatus.BAD_REQUEST,
            "duplicate-key",
            Text.of("problem.json.duplicate-key", name),
            List.of(new FieldError(name, Text.of("problem.json.duplicate-key.field", name))));
      }
      if (t instanceof StreamReadException && !(t instanceof InputCoercionException)
          || messageOf(t).startsWith("Trailing token")) {
        return Refusal.of(HttpStatus.BAD_REQUEST, "not-json", Text.of("problem.json.not-json"));
      }
    }
    if (why instanceof InputCoercionException) {
      return fieldRefusal("number-out-of-range", field, Text.of("problem.json.out-of-range"));
    }
    if (why instanceof MismatchedInputException mismatch) {
      if (field.isEmpty()) {
        return Refusal.of(
            HttpStatus.BAD_REQUEST, "not-an-object", Text.of("problem.json.not-an-object"));
      }
      return fieldRefusal(
          "wrong-type", field, Text.of("problem.json.must-be", expected(mismatch.getTargetType())));
    }
    if (why instanceof JsonMappingException) {
      return field.isEmpty()
          ? Refusal.of(HttpStatus.BAD_REQUEST, "invalid-value", Text.of("problem.json.unreadable"))
          : fieldRefusal("invalid-value", field, Text.of("problem.json.invalid-value"));
    }
    return Refusal.of(HttpStatus.BAD_REQUEST, "not-json", Text.of("problem.json.not-json"));
  }

  private static Refusal fieldRefusal(String reason, String field, Text what) {
    if (field.isEmpty()) {
      return Refusal.of(HttpStatus.BAD_REQUEST, reason, Text.of("problem.json.wrong", what));
    }
    return new Refusal(
        HttpStatus.BAD_REQUEST,
        reason,
        Text.of("problem.json.wrong-field", field, what),
        List.of(new FieldError(field, Text.of("problem.json.field", field, what))));
  }

  /** A query or path value that does not convert; an enum's choices are listed. */
  static Refusal parameter(Argument<?> argument, String value) {
    String name = argument.getName();
    Class<?> type = argument.getType();
    if (type.isEnum()) {
      List<String> allowed =
          Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
      var problem = liaison.hub.problem.BadRequestProblem.unknownChoice(name, value, allowed);
      return Refusal.of(HttpStatus.BAD_REQUEST, problem.reason(), problem.text());
    }
    return Refusal.of(
        HttpStatus.BAD_REQUEST,
        "bad-parameter",
        Text.of("problem.request.bad-parameter", name, expected(type)));
  }

  /** What a value of this type looks like, in words for people. */
  static Text expected(@Nullable Class<?> type) {
    if (type == null) {
      return Text.of("problem.type.other");
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return Text.of("problem.type.text");
    }
    if (type == Boolean.class || type == boolean.class) {
      return Text.of("problem.type.boolean");
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class) {
      return Text.of("problem.type.whole-number");
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return Text.of("problem.type.number");
    }
    if (type.isEnum()) {
      String names =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return Text.of("problem.type.one-of", names);
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return Text.of("problem.type.list");
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return Text.of("problem.type.object");
    }
    if (type.getName().startsWith("java.time.")) {
      return Text.of("problem.type.time");
    }
    return Text.of("problem.type.other");
  }

  /**
   * {@code stationIds[2]}, {@code entries[0].seconds}: the place in the body, in the body's own
   * names.
   */
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
    String own =
        cause == null
            ? ""
            : messageOf(
                cause.getCause() != null && !(cause instanceof JacksonException)
                    ? cause.getCause()
                    : cause);
    int newline = own.indexOf('\n');
    own = newline < 0 ? own : own.substring(0, newline);
    own = own.length() > 200 ? own.substring(0, 200) + "…" : own;
    return refusal.en() + (own.isEmpty() ? "" : " (" + own + ")");
  }
}
