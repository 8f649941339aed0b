package liaison.hub.broker;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Knocks on the broker without credentials: one MQTT 5 CONNECT with no user name, written by hand,
 * and the CONNACK's reason code back (0 would mean the broker let an anonymous client in). By hand
 * because it takes a millisecond, where a Paho client takes hundreds to give up on a refusal.
 */
final class AnonymousProbe {
  private AnonymousProbe() {}

  /** The CONNACK's reason code, or -1 when the broker closed the connection without one. */
  static int reasonCode(String host, int port, String clientId) throws IOException {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    // CONNECT: protocol name "MQTT", version 5, clean start, keep alive 10 s, no properties.
    byte[] variable = {0, 4, 'M', 'Q', 'T', 'T', 5, 0x02, 0, 10, 0};
    int remaining = variable.length + 2 + id.length;
    if (remaining > 127) {
      throw new IllegalArgumentException("client id too long for the probe: " + clientId);
    }
    byte[] packet = new byte[2 + remaining];
    packet[0] = 0x10;
    packet[1] = (byte) remaining;
    System.arraycopy(variable, 0, packet, 2, variable.length);
    packet[2 + variable.length] = (byte) (id.length >> 8);
    packet[3 + variable.length] = (byte) id.length;
    System.arraycopy(id, 0, packet, 4 + variable.length, id.length);
    try (Socket socket = new Socket()) {
      socket.setSoTimeout(10_000);
      socket.connect(new InetSocketAddress(host, port), 10_000);
      socket.getOutputStream().write(packet);
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.read();
      if (type < 0) {
        return -1;
      }
      if ((type & 0xF0) != 0x20) {
        throw new IOException("expected CONNACK, got packet type 0x" + Integer.toHexString(type));
      }
      in.readUnsignedByte(); // remaining length (a CONNACK is short)
      in.readUnsignedByte(); // acknowledge flags
      return in.readUnsignedByte();
    }
  }
}
