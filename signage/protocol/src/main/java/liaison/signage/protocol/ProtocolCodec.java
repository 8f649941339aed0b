package liaison.signage.protocol;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.time.LocalTime;

/**
 * JSON for every {@link ProtocolMessage}: UTF-8, ISO-8601 times keeping their offset, enum names,
 * absent optional fields left out. Unknown fields are ignored so a newer hub can add fields without
 * breaking older stations; missing required fields and wrong types are refused.
 */
public final class ProtocolCodec {

  /** Larger payloads are refused before parsing: photos travel over HTTP, never in a message. */
  public static final int MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
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
          "could not encode " + message.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Reads one message of the given type.
   *
   * @throws ProtocolException saying which type was expected and what was wrong with the payload
   */
  public static <T extends ProtocolMessage> T decode(byte[] payload, Class<T> type) {
    String expected = type.getSimpleName();
    if (payload.length == 0) {
      throw new ProtocolException("empty payload where a " + expected + " was expected");
    }
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new ProtocolException(
          expected + " of " + payload.length + " bytes exceeds the limit of " + MAX_PAYLOAD_BYTES);
    }
    try {
      return MAPPER.readValue(payload, type);
    } catch (JsonMappingException e) {
      throw new ProtocolException(
          "not a valid " + expected + ": " + reason(e) + at(e.getPathReference()), e);
    } catch (JacksonException e) {
      throw new ProtocolException("not a valid " + expected + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ProtocolException("could not read a " + expected + ": " + e.getMessage(), e);
    }
  }

  private static String reason(JsonMappingException e) {
    // A check in a record's constructor says the most; Jackson wraps it.
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
      return cause.getMessage();
    }
    if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Cannot map `null`")) {
      var path = e.getPath();
      return path.isEmpty() ? "missing field" : "missing field '" + path.getLast().getFieldName() + "'";
    }
    String message = e.getOriginalMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String at(String path) {
    return path == null || path.isEmpty() ? "" : " (at " + path + ")";
  }
}
