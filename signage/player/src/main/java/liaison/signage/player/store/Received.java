package liaison.signage.player.store;

import java.util.Objects;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.ProtocolMessage;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;

/**
 * A message from the hub as the station keeps it: the very bytes that came, and what they decode
 * to. The store writes the bytes, never a re-encoding of the message: what the hub encoded once is
 * what lies on the station's disk, and a later codec change cannot alter a stored snapshot.
 *
 * <p>Made only by decoding (so the bytes are known to be a valid message) or by encoding a message
 * made on this side (tests, a seeded store). The bytes are taken as they are, not copied.
 */
public record Received<T extends ProtocolMessage>(T message, byte[] payload) {

  public Received {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(payload, "payload");
  }

  /**
   * @throws ProtocolException when the bytes are not a valid snapshot
   */
  public static Received<StationContent> content(byte[] payload) {
    return new Received<>(ProtocolCodec.decode(payload, StationContent.class), payload);
  }

  /**
   * @throws ProtocolException when the bytes are not a valid alert
   */
  public static Received<StationAlert> alert(byte[] payload) {
    return new Received<>(ProtocolCodec.decode(payload, StationAlert.class), payload);
  }

  /** A message made on this side, with its encoding as the hub would have sent it. */
  public static <T extends ProtocolMessage> Received<T> encoded(T message) {
    return new Received<>(message, ProtocolCodec.encode(message));
  }
}
