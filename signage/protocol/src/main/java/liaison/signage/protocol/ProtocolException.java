package liaison.signage.protocol;

import java.util.Locale;

/**
 * A payload that is not a valid message of the expected kind. The message says what was expected
 * and what came; the {@link Reason} says which kind of fault it was, in a short stable word a
 * receiver can count by.
 */
public final class ProtocolException extends RuntimeException {

  /** Each kind of fault a payload can have, from the outside in. */
  public enum Reason {
    /** No bytes, or only white space. */
    EMPTY,
    /** More than {@link ProtocolCodec#MAX_PAYLOAD_BYTES}. */
    TOO_LARGE,
    /** Bytes that are not UTF-8 text. */
    NOT_UTF8,
    /** Text that is not one JSON value. */
    NOT_JSON,
    /** Objects or arrays nested deeper than {@link ProtocolCodec#MAX_NESTING}. */
    TOO_DEEP,
    /** One object naming a field twice: which one counts would be a guess. */
    DUPLICATE_FIELD,
    /**
     * A JSON value that is not an object: {@code null}, a number, a string, an array, true or
     * false.
     */
    NOT_AN_OBJECT,
    /**
     * A number no field can hold: beyond a 64-bit integer, infinite, or written with too many
     * digits.
     */
    NUMBER_OUT_OF_RANGE,
    /** A required field absent or null. */
    MISSING_FIELD,
    /**
     * A field of the wrong JSON type: a number where text belongs, text where a number belongs, …
     */
    WRONG_TYPE,
    /**
     * A field of the right type whose value is refused: an unknown name, a malformed id, a rule
     * broken.
     */
    INVALID_VALUE,
    /** A message this side built that cannot be written (a fault of the sender, not of input). */
    NOT_ENCODABLE;

    /** The reason as a short stable word, e.g. {@code not-an-object}. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Reason reason;

  public ProtocolException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ProtocolException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
