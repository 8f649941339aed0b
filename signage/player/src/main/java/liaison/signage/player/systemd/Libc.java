package liaison.signage.player.systemd;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout.PathElement;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * The few C library calls a unix datagram socket needs, through the foreign-function API, and the
 * socket address systemd's {@code NOTIFY_SOCKET} names. The constants are Linux's, the same on
 * x86-64 and on a Raspberry Pi's aarch64.
 */
final class Libc {
  static final int AF_UNIX = 1;
  static final int SOCK_DGRAM = 2;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int MSG_DONTWAIT = 0x40;
  static final int MSG_NOSIGNAL = 0x4000;

  /** {@code sun_path} in {@code struct sockaddr_un}, after the two bytes of the family. */
  private static final int PATH_BYTES = 108;

  private static final Linker LINKER = Linker.nativeLinker();
  private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO = CALL_STATE.varHandle(PathElement.groupElement("errno"));
  private static final MethodHandle STRERROR =
      LINKER.downcallHandle(
          LINKER.defaultLookup().findOrThrow("strerror"),
          FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));

  static final MethodHandle SOCKET =
      function(
          "socket",
          FunctionDescriptor.of(
              ValueLayout.JAVA_INT,
              ValueLayout.JAVA_INT,
              ValueLayout.JAVA_INT,
              ValueLayout.JAVA_INT));
  static final MethodHandle SENDTO =
      function(
          "sendto",
          FunctionDescriptor.of(
              ValueLayout.JAVA_LONG,
              ValueLayout.JAVA_INT,
              ValueLayout.ADDRESS,
              ValueLayout.JAVA_LONG,
              ValueLayout.JAVA_INT,
              ValueLayout.ADDRESS,
              ValueLayout.JAVA_INT));
  static final MethodHandle CLOSE =
      function("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

  private Libc() {}

  /**
   * A C function whose handle takes, first, a segment of {@link #callState} that receives {@code
   * errno}.
   */
  static MethodHandle function(String name, FunctionDescriptor descriptor) {
    return LINKER.downcallHandle(
        LINKER.defaultLookup().findOrThrow(name),
        descriptor,
        Linker.Option.captureCallState("errno"));
  }

  static MemorySegment callState(Arena arena) {
    return arena.allocate(CALL_STATE);
  }

  /** The failed call and the C library's words for errno, e.g. "sendto: Connection refused". */
  static IOException failure(String call, MemorySegment callState) {
    int errno = (int) ERRNO.get(callState, 0L);
    String reason;
    try {
      reason = ((MemorySegment) STRERROR.invokeExact(errno)).reinterpret(1024).getString(0);
    } catch (Throwable t) {
      reason = "error";
    }
    return new IOException(call + ": " + reason + " (errno " + errno + ")");
  }

  /**
   * A {@code struct sockaddr_un} for {@code socket}: a file's path, or an abstract name written
   * {@code @name} (the leading NUL byte systemd writes as @).
   *
   * @throws IllegalArgumentException when the name is empty or does not fit
   */
  static MemorySegment address(Arena arena, String socket) {
    byte[] path = pathBytes(socket);
    MemorySegment address = arena.allocate(2 + PATH_BYTES);
    address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
    MemorySegment.copy(path, 0, address, ValueLayout.JAVA_BYTE, 2, path.length);
    return address;
  }

  /**
   * The address's length as the kernel wants it: an abstract name's bytes exactly, a path's with
   * its closing NUL.
   */
  static int addressLength(String socket) {
    return 2 + pathBytes(socket).length;
  }

  private static byte[] pathBytes(String socket) {
    boolean isAbstract = socket.startsWith("@");
    byte[] name = (isAbstract ? socket.substring(1) : socket).getBytes(StandardCharsets.UTF_8);
    if (name.length == 0 || name.length + 1 > PATH_BYTES) {
      throw new IllegalArgumentException(
          "NOTIFY_SOCKET must name a unix socket of 1 to 107 bytes, was '" + socket + "'");
    }
    byte[] bytes = new byte[name.length + 1];
    // An abstract name starts with NUL; a path ends with one.
    System.arraycopy(name, 0, bytes, isAbstract ? 1 : 0, name.length);
    return bytes;
  }
}
