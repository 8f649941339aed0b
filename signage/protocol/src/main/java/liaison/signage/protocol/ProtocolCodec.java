package liaison.signage.protocol;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.signage.protocol.ProtocolException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * JSON for every {@link ProtocolMessage}: UTF-8, ISO-8601 times keeping their offset, enum names,
 * absent optional fields left out. Unknown fields are ignored so a newer hub can add fields without
 * breaking older stations; missing required fields and wrong types are refused.
 *
 * <p>Decoding is strict because both sides read what the other side (or a stranger holding a
 * station's credential) sent: the payload must be UTF-8, one JSON object, nested at most {@link
 * #MAX_NESTING} deep, with no field named twice and no number beyond what a field can hold; each
 * field must have its own JSON type (no {@code "42"} for a number, no {@code 42} for text, no
 * number for a time, no 4.7 for an integer). Every refusal is a {@link ProtocolException} with a
 * {@link ProtocolException.Reason}, whatever the bytes were; decode never returns null.
 */
public final class ProtocolCodec {

  /** Larger payloads are refused before parsing: photos travel over HTTP, never in a message. */
  public static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

  /**
   * The deepest nesting of objects and arrays a message may have. The deepest real message (a
   * snapshot's playlist daypart entry) is 5 levels; an event's free-form body gets the rest.
   */
  public static final int MAX_NESTING = 16;

  /** The most characters a number may be written with; a long has 19 digits, a double about 24. */
  static final int MAX_NUMBER_LENGTH = 64;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(MAX_NESTING)
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .build())
                  // Which of two equal names would count is a guess: refused instead.
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .build())
          .addModule(new JavaTimeModule())
          .addModule(timesAsTextOnly())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Each field its own JSON type: no "42" for 42, no 42 for "42", no 4.7 for 4, no 0 for
          // ONLINE.
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .withCoercionConfig(
              LogicalType.Textual,
              c ->
                  c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                      .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          // Reception times are to the minute, written as on a timetable: "09:00".
          .withConfigOverride(
              LocalTime.class, o -> o.setFormat(JsonFormat.Value.forPattern("HH:mm")))
          .build();

  private ProtocolCodec() {}

  public static byte[] encode(ProtocolMessage message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JacksonException e) {
      throw new ProtocolException(
          Reason.NOT_ENCODABLE,
          "could not encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  /**
   * Reads one message of the given type.
   *
   * @throws ProtocolException saying which type was expected and what was wrong with the payload,
   *     for every payload that is not one (never another exception, never null)
   */
  public static <T extends ProtocolMessage> T decode(byte @Nullable [] payload, Class<T> type) {
    String expected = type.getSimpleName();
    if (payload == null || payload.length == 0) {
      throw new ProtocolException(
          Reason.EMPTY, "empty payload where a " + expected + " was expected");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ProtocolException(
          Reason.TOO_LARGE,
          expected + " of " + payload.length + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES);
    }
    String invalid = "not a valid " + expected + ": ";
    JsonNode tree = tree(payload, invalid);
    if (tree.isMissingNode()) {
      throw new ProtocolException(
          Reason.EMPTY, "only white space where a " + expected + " was expected");
    }
    if (!tree.isObject()) {
      throw new ProtocolException(
          Reason.NOT_AN_OBJECT, invalid + "expected a JSON object, got " + kind(tree));
    }
    String huge = hugeNumber(tree, "");
    if (huge != null) {
      throw new ProtocolException(Reason.NUMBER_OUT_OF_RANGE, invalid + huge);
    }
    T value;
    try {
      value = MAPPER.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      throw refusal(invalid, e);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new ProtocolException(Reason.INVALID_VALUE, invalid + firstLine(e.getMessage()), e);
    }
    if (value == null) {
      // An object always binds to a record; kept so that no caller ever gets null.
      throw new ProtocolException(Reason.NOT_AN_OBJECT, invalid + "read as nothing");
    }
    return value;
  }

  /**
   * The payload as a JSON tree: strict UTF-8, one value, nesting and numbers bounded, no
   * duplicates.
   */
  private static JsonNode tree(byte[] payload, String invalid) {
    for (int i = 0; i < payload.length; i++) {
      if (payload[i] == 0) {
        // Valid UTF-8, but never in JSON text: what UTF-16 and UTF-32 look like read as UTF-8.
        throw new ProtocolException(
            Reason.NOT_UTF8,
            invalid + "a zero byte at offset " + i + ": UTF-16 or UTF-32, not UTF-8 text");
      }
    }
    String text;
    try {
      // Jackson alone would guess UTF-16 and UTF-32 from zero bytes, and read them: the protocol is
      // UTF-8.
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ProtocolException(Reason.NOT_UTF8, invalid + "the bytes are not UTF-8 text", e);
    }
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode tree = MAPPER.readTree(parser);
      if (tree != null && parser.nextToken() != null) {
        throw new ProtocolException(Reason.NOT_JSON, invalid + "more than one JSON value");
      }
      return tree == null ? MAPPER.missingNode() : tree;
    } catch (StreamConstraintsException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("nesting depth")) {
        throw new ProtocolException(
            Reason.TOO_DEEP, invalid + "nested deeper than " + MAX_NESTING + " levels", e);
      }
      if (message.startsWith("Number value length")) {
        throw new ProtocolException(
            Reason.NUMBER_OUT_OF_RANGE,
            invalid + "a number written with more than " + MAX_NUMBER_LENGTH + " characters",
            e);
      }
      throw new ProtocolException(Reason.TOO_LARGE, invalid + firstLine(message), e);
    } catch (JacksonException e) {
      String message = firstLine(e.getOriginalMessage());
      if (message.startsWith("Duplicate Object property")
          || message.startsWith("Duplicate field")) {
        throw new ProtocolException(Reason.DUPLICATE_FIELD, invalid + message, e);
      }
      throw new ProtocolException(Reason.NOT_JSON, invalid + "not JSON: " + message, e);
    } catch (IOException e) {
      // Reading a String fails only through Jackson; kept for the checked signature.
      throw new ProtocolException(Reason.NOT_JSON, invalid + "not JSON: " + e.getMessage(), e);
    }
  }

  /** The first number no field can hold, described with where it is; null when there is none. */
  private static @Nullable String hugeNumber(JsonNode node, String path) {
    if (node.isBigInteger()) {
      BigInteger value = node.bigIntegerValue();
      if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
        return "the number at " + at(path) + " is beyond a 64-bit integer";
      }
    } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
      return "the number at " + at(path) + " is beyond a 64-bit floating-point number";
    } else if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String found = hugeNumber(field.getValue(), path + "/" + field.getKey());
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String found = hugeNumber(node.get(i), path + "/" + i);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static ProtocolException refusal(String invalid, JsonMappingException e) {
    String where = at(pointer(e.getPath()));
    // A check in a record's constructor says the most; Jackson wraps it.
    Throwable cause = e.getCause();
    if (cause instanceof NullPointerException) {
      return new ProtocolException(Reason.MISSING_FIELD, invalid + cause.getMessage(), e);
    }
    if (cause instanceof IllegalArgumentException) {
      return new ProtocolException(Reason.INVALID_VALUE, invalid + cause.getMessage(), e);
    }
    if (e instanceof InvalidFormatException format) {
      Class<?> target = format.getTargetType();
      String value = String.valueOf(format.getValue());
      if (!(format.getValue() instanceof String) || !writtenAsText(target)) {
        // A coercion refused: a number or true where text belongs, text where an object belongs.
        return new ProtocolException(
            Reason.WRONG_TYPE,
            invalid
                + "wrong type at "
                + where
                + ": expected "
                + describe(target)
                + ", got "
                + value,
            e);
      }
      String allowed =
          target != null && target.isEnum()
              ? "one of " + Arrays.toString(target.getEnumConstants())
              : describe(target);
      return new ProtocolException(
          Reason.INVALID_VALUE, invalid + "'" + value + "' at " + where + " is not " + allowed, e);
    }
    if (e instanceof MismatchedInputException mismatch) {
      if (e.getOriginalMessage().startsWith("Cannot map `null`")) {
        String field =
            e.getPath().isEmpty() ? "" : " '" + e.getPath().getLast().getFieldName() + "'";
        return new ProtocolException(Reason.MISSING_FIELD, invalid + "missing field" + field, e);
      }
      return new ProtocolException(
          Reason.WRONG_TYPE,
          invalid + "wrong type at " + where + ": expected " + describe(mismatch.getTargetType()),
          e);
    }
    return new ProtocolException(
        Reason.INVALID_VALUE,
        invalid + firstLine(e.getOriginalMessage()) + " (at " + where + ")",
        e);
  }

  /** What a field of this Java type holds, in the words of JSON, for a refusal. */
  static String describe(@Nullable Class<?> type) {
    if (type == null) {
      return "another type";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == long.class
        || type == Long.class
        || type == int.class
        || type == Integer.class
        || type == short.class
        || type == Short.class) {
      return "an integer";
    }
    if (type == double.class
        || type == Double.class
        || type == float.class
        || type == Float.class) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type.isEnum()) {
      return "one of " + Arrays.toString(type.getEnumConstants());
    }
    if (type == OffsetDateTime.class) {
      return "a time as text, such as \"2026-11-23T08:00:00+08:00\"";
    }
    if (type == LocalDate.class) {
      return "a date as text, such as \"2026-11-23\"";
    }
    if (type == LocalTime.class) {
      return "a time of day as text, such as \"09:00\"";
    }
    if (type == UUID.class) {
      return "a UUID as text";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  /**
   * Types the protocol writes as JSON text: a text value for them is the right type, maybe a wrong
   * value.
   */
  private static boolean writtenAsText(@Nullable Class<?> type) {
    return type != null
        && (CharSequence.class.isAssignableFrom(type)
            || type.isEnum()
            || type == UUID.class
            || Temporal.class.isAssignableFrom(type));
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case NUMBER -> "a number";
      case STRING -> "a string";
      case BOOLEAN -> node.booleanValue() ? "true" : "false";
      case ARRAY -> "an array";
      default -> "something else";
    };
  }

  /** A JSON Pointer ({@code /telemetry/cpuCelsius}) for Jackson's path: no Java class names. */
  private static String pointer(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference step : path) {
      out.append('/')
          .append(
              step.getFieldName() != null ? step.getFieldName() : String.valueOf(step.getIndex()));
    }
    return out.toString();
  }

  private static String at(String pointer) {
    return pointer.isEmpty() ? "the top" : pointer;
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    // Jackson names Java types in backticks; people reading the refusal need the simple name at
    // most.
    return line.replaceAll("`(?:[a-z][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)*([A-Za-z0-9_]+)`", "$1");
  }

  /**
   * Times, dates, times of day and ids only as text: Jackson's java.time readers would also take a
   * number (seconds since 1970) or an array ({@code [2026, 11, 23]}), and its UUID reader a number
   * as its digits, which no side of this protocol writes and which would let a wrong type pass.
   */
  private static SimpleModule timesAsTextOnly() {
    SimpleModule module = new SimpleModule("times-as-text-only");
    module.setDeserializerModifier(
        new BeanDeserializerModifier() {
          @Override
          public JsonDeserializer<?> modifyDeserializer(
              DeserializationConfig config,
              BeanDescription description,
              JsonDeserializer<?> deserializer) {
            Class<?> type = description.getBeanClass();
            return Temporal.class.isAssignableFrom(type) || type == UUID.class
                ? new TextOnly(deserializer)
                : deserializer;
          }
        });
    return module;
  }

  private static final class TextOnly extends DelegatingDeserializer {
    TextOnly(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new TextOnly(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return context.handleUnexpectedToken(handledType(), p.currentToken(), p, "expected text");
      }
      return super.deserialize(p, context);
    }
  }
}
