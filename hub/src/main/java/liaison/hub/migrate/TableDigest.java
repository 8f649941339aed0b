package liaison.hub.migrate;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A table's row count and the SHA-256 of all its rows, every column, ordered by the primary key:
 * the same on both sides exactly when both hold the same rows.
 *
 * <p>Each value is written as what its column means (an integer, a boolean, text as its UTF-8
 * bytes, bytes), so SQLite's {@code 1} and PostgreSQL's {@code true} in a boolean column agree
 * while any other difference shows. On SQLite, text is read as the bytes stored ({@code CAST … AS
 * BLOB}), not as decoded by the driver: bytes that are not UTF-8 would otherwise be replaced on
 * both sides alike and look the same. Rows are ordered by bytes on both sides (SQLite's {@code
 * BINARY}, PostgreSQL's {@code "C"} collation), never by a language's collation.
 */
record TableDigest(long rows, String sha256) {

  /** Which database a digest reads: their SQL differs in how text is read and ordered. */
  enum Side {
    SQLITE,
    POSTGRESQL
  }

  static TableDigest of(Connection connection, Table table, Side side) throws SQLException {
    String select =
        "SELECT "
            + table.columns().stream().map(c -> read(c, side)).collect(Collectors.joining(", "))
            + " FROM "
            + Table.quote(table.name())
            + " ORDER BY "
            + table.order().stream().map(c -> orderBy(c, side)).collect(Collectors.joining(", "));
    MessageDigest sha256 = newSha256();
    long rows = 0;
    try (Statement s = statement(connection);
        ResultSet r = s.executeQuery(select);
        DataOutputStream out =
            new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), sha256))) {
      while (r.next()) {
        rows++;
        for (int i = 0; i < table.columns().size(); i++) {
          write(out, table.columns().get(i).kind(), r.getObject(i + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TableDigest(rows, HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * PostgreSQL's driver reads a whole result into memory unless told to fetch it in parts (which it
   * does inside a transaction, as the migration's check runs).
   */
  private static Statement statement(Connection connection) throws SQLException {
    Statement s = connection.createStatement();
    s.setFetchSize(TableCopy.BATCH);
    return s;
  }

  private static String read(Table.Column c, Side side) {
    String name = Table.quote(c.name());
    return side == Side.SQLITE && c.kind() == ColumnKind.TEXT ? "CAST(" + name + " AS BLOB)" : name;
  }

  private static String orderBy(Table.Column c, Side side) {
    String name = Table.quote(c.name());
    if (c.kind() == ColumnKind.TEXT) {
      name += side == Side.SQLITE ? " COLLATE BINARY" : " COLLATE \"C\"";
    }
    // SQLite puts NULL first, PostgreSQL last, unless told.
    return name + " NULLS FIRST";
  }

  /** One value: a tag for what it is, then the value; lengths before variable ones. */
  private static void write(DataOutputStream out, ColumnKind kind, @Nullable Object value)
      throws IOException {
    if (value == null) {
      out.writeByte('0');
      return;
    }
    switch (kind) {
      case TEXT -> {
        if (value instanceof String text) {
          bytes(out, 'T', text.getBytes(StandardCharsets.UTF_8));
          return;
        }
        if (value instanceof byte[] stored) {
          bytes(out, 'T', stored);
          return;
        }
      }
      case INTEGER, BIGINT -> {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
          out.writeByte('I');
          out.writeLong(((Number) value).longValue());
          return;
        }
      }
      case BOOLEAN -> {
        if (value instanceof Boolean b) {
          out.writeByte('B');
          out.writeBoolean(b);
          return;
        }
        if ((value instanceof Integer || value instanceof Long)
            && (((Number) value).longValue() == 0 || ((Number) value).longValue() == 1)) {
          out.writeByte('B');
          out.writeBoolean(((Number) value).longValue() == 1);
          return;
        }
      }
      case DOUBLE -> {
        if (value instanceof Number number) {
          out.writeByte('D');
          out.writeLong(Double.doubleToLongBits(number.doubleValue()));
          return;
        }
      }
      case DECIMAL -> {
        if (value instanceof Number || value instanceof String) {
          try {
            bytes(
                out,
                'N',
                new BigDecimal(value.toString())
                    .stripTrailingZeros()
                    .toPlainString()
                    .getBytes(StandardCharsets.UTF_8));
            return;
          } catch (NumberFormatException e) {
            // written below as what it is
          }
        }
      }
      case BYTES -> {
        if (value instanceof byte[] stored) {
          bytes(out, 'Y', stored);
          return;
        }
      }
    }
    // A value its column does not expect: written so that it equals nothing of the right kind.
    bytes(out, '?', (ColumnKind.storage(value) + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  private static void bytes(DataOutputStream out, char tag, byte[] bytes) throws IOException {
    out.writeByte(tag);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
