package liaison.testkit;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One MQTT 5 CONNECT written by hand, for tests of what a broker lets in: any bytes as user name or
 * password (invalid UTF-8 included), from any local address, and the CONNACK's reason code back in
 * milliseconds (Paho takes a few hundred to give up on a refused connection).
 */
public final class RawConnect {
  private RawConnect() {}

  /**
   * Connects from {@code local} (null: any), sends CONNECT and returns the CONNACK's reason code (0
   * accepted), or -1 when the broker closed the connection without one.
   *
   * @param username null sends none; {@code password} likewise
   */
  public static int reasonCode(
      String host, int port, InetAddress local, String clientId, byte[] username, byte[] password)
      throws IOException {
    try (Socket socket = new Socket()) {
      if (local != null) {
        socket.bind(new InetSocketAddress(local, 0));
      }
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      OutputStream out = socket.getOutputStream();
      out.write(connect(clientId, username, password));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.read();
      if (type < 0) {
        return -1;
      }
      if ((type & 0xF0) != 0x20) {
        throw new IOException("expected CONNACK, got packet type 0x" + Integer.toHexString(type));
      }
      int length = remainingLength(in);
      if (length < 2) {
        throw new IOException("CONNACK too short: " + length);
      }
      in.readUnsignedByte(); // acknowledge flags
      return in.readUnsignedByte();
    }
  }

  private static byte[] connect(String clientId, byte[] username, byte[] password) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    field(body, "MQTT".getBytes(StandardCharsets.UTF_8));
    body.write(5); // protocol version
    int flags = 0x02; // clean start
    if (username != null) {
      flags |= 0x80;
    }
    if (password != null) {
      flags |= 0x40;
    }
    body.write(flags);
    body.write(0);
    body.write(30); // keep alive
    body.write(0); // no properties
    field(body, clientId.getBytes(StandardCharsets.UTF_8));
    if (username != null) {
      field(body, username);
    }
    if (password != null) {
      field(body, password);
    }
    ByteArrayOutputStream packet = new ByteArrayOutputStream();
    packet.write(0x10);
    int remaining = body.size();
    do {
      int digit = remaining % 128;
      remaining /= 128;
      packet.write(remaining > 0 ? digit | 0x80 : digit);
    } while (remaining > 0);
    packet.writeBytes(body.toByteArray());
    return packet.toByteArray();
  }

  private static void field(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xFF);
    out.writeBytes(bytes);
  }

  private static int remainingLength(InputStream in) throws IOException {
    int value = 0;
    int shift = 0;
    int b;
    do {
      b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a packet header");
      }
      value |= (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0 && shift < 28);
    return value;
  }
}
