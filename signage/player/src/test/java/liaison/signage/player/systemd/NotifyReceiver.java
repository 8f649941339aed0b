package liaison.signage.player.systemd;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * systemd's end of the notify socket, for the tests: a unix datagram socket bound to a path or an
 * abstract name, read without blocking, on the same foreign-function calls the app sends with.
 */
final class NotifyReceiver implements AutoCloseable {
  private static final MethodHandle BIND =
      Libc.function(
          "bind",
          FunctionDescriptor.of(
              ValueLayout.JAVA_INT,
              ValueLayout.JAVA_INT,
              ValueLayout.ADDRESS,
              ValueLayout.JAVA_INT));
  private static final MethodHandle RECV =
      Libc.function(
          "recv",
          FunctionDescriptor.of(
              ValueLayout.JAVA_LONG,
              ValueLayout.JAVA_INT,
              ValueLayout.ADDRESS,
              ValueLayout.JAVA_LONG,
              ValueLayout.JAVA_INT));
  private static final int EAGAIN = 11;

  private final Arena arena = Arena.ofShared();
  private final int fd;
  private final MemorySegment buffer = arena.allocate(4096);
  private final MemorySegment state = Libc.callState(arena);
  private final List<String> received = new ArrayList<>();

  NotifyReceiver(String socket) throws Throwable {
    fd = (int) Libc.SOCKET.invokeExact(state, Libc.AF_UNIX, Libc.SOCK_DGRAM | Libc.SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw Libc.failure("socket", state);
    }
    int bound =
        (int) BIND.invokeExact(state, fd, Libc.address(arena, socket), Libc.addressLength(socket));
    if (bound != 0) {
      throw Libc.failure("bind " + socket, state);
    }
  }

  /** Every datagram that has arrived, in order, each as its text. */
  synchronized List<String> messages() throws IOException {
    while (true) {
      long length;
      try {
        length = (long) RECV.invokeExact(state, fd, buffer, 4096L, Libc.MSG_DONTWAIT);
      } catch (Throwable t) {
        throw new IOException(t);
      }
      if (length < 0) {
        IOException failure = Libc.failure("recv", state);
        if (failure.getMessage().endsWith("(errno " + EAGAIN + ")")) {
          return List.copyOf(received);
        }
        throw failure;
      }
      received.add(
          new String(
              buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
    }
  }

  /** How many times a message was exactly {@code message}. */
  long count(String message) throws IOException {
    return messages().stream().filter(message::equals).count();
  }

  @Override
  public void close() throws IOException {
    try {
      int unused = (int) Libc.CLOSE.invokeExact(state, fd);
    } catch (Throwable t) {
      throw new IOException(t);
    } finally {
      arena.close();
    }
  }
}
