package liaison.hub.software;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The station's install script as the hub serves it: the one inside the newest bundle the hub keeps
 * (so the script and what it installs belong together), else the one the hub was built with
 * (signage/bundle's {@code install/station.sh}, packed into the hub's jar), else none.
 */
@Singleton
public class InstallScript {
  static final String IN_BUNDLE = "install/station.sh";
  private static final String BUILT_IN = "/install/station.sh";

  private final StationBundles bundles;
  private final ConcurrentHashMap<String, Optional<String>> bySha = new ConcurrentHashMap<>();

  public InstallScript(StationBundles bundles) {
    this.bundles = bundles;
  }

  public Optional<String> text() {
    Optional<String> fromBundle =
        bundles.list().stream()
            .findFirst()
            .flatMap(b -> bySha.computeIfAbsent(b.sha256(), sha -> read(b)));
    return fromBundle.isPresent() ? fromBundle : builtIn();
  }

  private Optional<String> read(StationBundle bundle) {
    var script =
        new Object() {
          String text;
        };
    try {
      BundleArchive.walk(
          bundles.file(bundle),
          (name, entry, content) -> {
            if (name.equals(IN_BUNDLE) && entry.isFile()) {
              script.text = new String(content.readAllBytes(), StandardCharsets.UTF_8);
              return true;
            }
            return false;
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundle " + bundle.fileName(), e);
    }
    return Optional.ofNullable(script.text);
  }

  private static Optional<String> builtIn() {
    try (InputStream in = InstallScript.class.getResourceAsStream(BUILT_IN)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
