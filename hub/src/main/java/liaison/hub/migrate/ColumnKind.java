package liaison.hub.migrate;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * What a column holds, as the target's schema says, and how a value SQLite stored becomes one.
 *
 * <p>SQLite keeps a storage class per value (INTEGER, REAL, TEXT, BLOB, NULL), PostgreSQL a type
 * per column; the migrations declare the same columns for both ({@code BOOLEAN}, {@code BIGINT},
 * {@code TEXT}…), so the target's type is the schema's word on what each value is. A value that
 * does not fit its column is refused with the reason, never guessed at: a text in an integer
 * column, a 2 in a boolean one, a NUL character in a text (PostgreSQL cannot store one).
 */
enum ColumnKind {
  TEXT(Types.VARCHAR),
  INTEGER(Types.INTEGER),
  BIGINT(Types.BIGINT),
  BOOLEAN(Types.BOOLEAN),
  DOUBLE(Types.DOUBLE),
  DECIMAL(Types.NUMERIC),
  BYTES(Types.BINARY);

  private final int sqlType;

  ColumnKind(int sqlType) {
    this.sqlType = sqlType;
  }

  /**
   * The kind of a PostgreSQL column by its type's name; empty for a type this copy does not know.
   */
  static Optional<ColumnKind> ofPostgres(String typeName) {
    return Optional.ofNullable(
        switch (typeName.toLowerCase(Locale.ROOT)) {
          case "text", "varchar", "bpchar" -> TEXT;
          case "int2", "int4", "serial", "smallserial" -> INTEGER;
          case "int8", "bigserial" -> BIGINT;
          case "bool" -> BOOLEAN;
          case "float4", "float8" -> DOUBLE;
          case "numeric" -> DECIMAL;
          case "bytea" -> BYTES;
          default -> null;
        });
  }

  /**
   * The kind of a SQLite column by the type the migrations declared (SQLite's own affinity rules:
   * {@code INT} in the name is a whole number, {@code BLOB} or nothing is bytes); for a digest of a
   * SQLite file compared with another SQLite file.
   */
  static ColumnKind ofSqlite(String declared) {
    String type = declared.toUpperCase(Locale.ROOT);
    if (type.contains("BOOL")) {
      return BOOLEAN;
    }
    if (type.contains("BIGINT")) {
      return BIGINT;
    }
    if (type.contains("INT")) {
      return INTEGER;
    }
    if (type.contains("CHAR") || type.contains("CLOB") || type.contains("TEXT")) {
      return TEXT;
    }
    if (type.isBlank() || type.contains("BLOB")) {
      return BYTES;
    }
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
      return DOUBLE;
    }
    return DECIMAL;
  }

  /**
   * Binds what SQLite stored ({@code ResultSet.getObject}: Integer, Long, Double, String, byte[] or
   * null) as this kind.
   *
   * @throws ValueRefused when the value does not fit the column
   */
  void bind(PreparedStatement insert, int index, @Nullable Object stored) throws SQLException {
    if (stored == null) {
      insert.setNull(index, sqlType);
      return;
    }
    switch (this) {
      case TEXT -> {
        if (!(stored instanceof String text)) {
          throw refused(stored);
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
          throw new ValueRefused(Text.of("migrate.value.nul", nul));
        }
        insert.setString(index, text);
      }
      case INTEGER -> {
        long value = whole(stored);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new ValueRefused(Text.of("migrate.value.range", value));
        }
        insert.setInt(index, (int) value);
      }
      case BIGINT -> insert.setLong(index, whole(stored));
      case BOOLEAN -> {
        long value = whole(stored);
        if (value != 0 && value != 1) {
          throw new ValueRefused(Text.of("migrate.value.boolean", value));
        }
        insert.setBoolean(index, value == 1);
      }
      case DOUBLE -> {
        if (!(stored instanceof Number number)) {
          throw refused(stored);
        }
        insert.setDouble(index, number.doubleValue());
      }
      case DECIMAL -> {
        if (!(stored instanceof Number) && !(stored instanceof String)) {
          throw refused(stored);
        }
        try {
          insert.setBigDecimal(index, new BigDecimal(stored.toString()));
        } catch (NumberFormatException e) {
          throw refused(stored);
        }
      }
      case BYTES -> {
        if (!(stored instanceof byte[] bytes)) {
          throw refused(stored);
        }
        insert.setBytes(index, bytes);
      }
    }
  }

  private long whole(Object stored) {
    if (stored instanceof Integer || stored instanceof Long) {
      return ((Number) stored).longValue();
    }
    throw refused(stored);
  }

  private ValueRefused refused(Object stored) {
    return new ValueRefused(
        Text.of("migrate.value.kind", Text.of("migrate.stored." + storage(stored)), name()));
  }

  /** SQLite's storage class of a value as sqlite-jdbc hands it over. */
  static String storage(Object stored) {
    return switch (stored) {
      case Integer i -> "integer";
      case Long l -> "integer";
      case Double d -> "real";
      case String s -> "text";
      case byte[] b -> "blob";
      default -> "other";
    };
  }

  /** A value SQLite holds that its column in PostgreSQL cannot take, and why. */
  static final class ValueRefused extends RuntimeException {
    private final Text reason;

    ValueRefused(Text reason) {
      super(reason.en());
      this.reason = reason;
    }

    Text reason() {
      return reason;
    }
  }
}
