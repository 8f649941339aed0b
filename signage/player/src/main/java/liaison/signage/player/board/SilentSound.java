package liaison.signage.player.board;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A station without a sound card (a PC without speakers, a Pi whose screen has none) still plays a
 * video with sound, silently: JavaFX media's GStreamer opens ALSA's default device for a video's
 * sound track, muted or not, and halts the whole video when there is none ("Could not open audio
 * device for playback"). Before the first video, when the machine has no playback device, ALSA is
 * pointed at a configuration whose default device is its {@code null} device, which takes the sound
 * and drops it. A machine with a card is left alone, and so is an {@code ALSA_CONFIG_PATH} set by
 * whoever started the station.
 */
final class SilentSound {
  private static final Logger LOG = LoggerFactory.getLogger(SilentSound.class);

  /** ALSA's playback devices: {@code /dev/snd/pcmC0D0p} is card 0, device 0, playback. */
  private static final Pattern PLAYBACK = Pattern.compile("pcmC\\d+D\\d+p");

  private static final String NULL_DEVICE = "pcm.!default { type null }\n";

  private static boolean checked;

  private SilentSound() {}

  /** Once per process, before the first video: no playback device, ALSA's default drops sound. */
  static synchronized void ifNoSoundCard() {
    if (checked) {
      return;
    }
    checked = true;
    if (System.getenv("ALSA_CONFIG_PATH") != null || hasPlaybackDevice(Path.of("/dev/snd"))) {
      return;
    }
    try {
      Path config = Files.createTempFile("liaison-alsa-", ".conf");
      Files.writeString(config, NULL_DEVICE);
      config.toFile().deleteOnExit();
      setenv("ALSA_CONFIG_PATH", config.toString());
      LOG.info("no sound card: videos play their pictures silently (ALSA's null device)");
    } catch (IOException | RuntimeException e) {
      LOG.warn("no sound card, and ALSA could not be given a silent device: {}", e.toString());
    }
  }

  static boolean hasPlaybackDevice(Path snd) {
    if (!Files.isDirectory(snd)) {
      return false;
    }
    try (Stream<Path> devices = Files.list(snd)) {
      return devices.anyMatch(p -> PLAYBACK.matcher(p.getFileName().toString()).matches());
    } catch (IOException e) {
      return true; // unreadable: leave ALSA as it is
    }
  }

  /** The C library's {@code setenv}: native code (ALSA) reads the process's own environment. */
  private static void setenv(String name, String value) {
    Linker linker = Linker.nativeLinker();
    MethodHandle setenv =
        linker.downcallHandle(
            linker.defaultLookup().findOrThrow("setenv"),
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS,
                ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT));
    try (Arena arena = Arena.ofConfined()) {
      int result = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
      if (result != 0) {
        throw new IllegalStateException("setenv " + name + " failed");
      }
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }
}
