package liaison.signage.player.systemd;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Sends systemd's service notifications ({@code READY=1}, {@code STATUS=…}, {@code WATCHDOG=1},
 * {@code STOPPING=1}) to the socket {@code NOTIFY_SOCKET} names, as {@code sd_notify(3)} does: one
 * datagram per message on a socket opened for it. Without {@code NOTIFY_SOCKET} (not started by
 * systemd's {@code Type=notify}) it sends nothing.
 */
public final class SystemdNotify {
  private final @Nullable String socket;

  /**
   * @param socket the value of {@code NOTIFY_SOCKET}: a path, or {@code @name} for an abstract
   *     socket; null or blank for none
   * @throws IllegalArgumentException when it cannot name a unix socket
   */
  public SystemdNotify(@Nullable String socket) {
    this.socket = socket == null || socket.isBlank() ? null : socket;
    if (this.socket != null) {
      Libc.addressLength(this.socket);
    }
  }

  /** Whether systemd listens: false on a desktop and in tests, where every message is dropped. */
  public boolean listening() {
    return socket != null;
  }

  /**
   * Sends one notification (lines such as {@code READY=1\nSTATUS=…}); nothing without a socket.
   *
   * @throws IOException when the socket cannot be reached (systemd gone, a wrong path)
   */
  public void send(String message) throws IOException {
    String target = socket;
    if (target == null) {
      return;
    }
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment state = Libc.callState(arena);
      int fd =
          (int)
              Libc.SOCKET.invokeExact(state, Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
      if (fd < 0) {
        throw Libc.failure("socket", state);
      }
      try {
        MemorySegment data = arena.allocateFrom(ValueLayout.JAVA_BYTE, bytes);
        long sent =
            (long)
                Libc.SENDTO.invokeExact(
                    state,
                    fd,
                    data,
                    (long) bytes.length,
                    Libc.MSG_NOSIGNAL,
                    Libc.address(arena, target),
                    Libc.addressLength(target));
        if (sent < 0) {
          throw Libc.failure("sendto " + target, state);
        }
      } finally {
        // Nothing to do if close fails: the datagram has gone or the failure was reported.
        int unused = (int) Libc.CLOSE.invokeExact(state, fd);
      }
    } catch (IOException | RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IOException("systemd notification failed: " + t, t);
    }
  }

  @Override
  public String toString() {
    return socket == null ? "no systemd notify socket" : "systemd notify socket " + socket;
  }
}
