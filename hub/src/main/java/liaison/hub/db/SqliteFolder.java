package liaison.hub.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import liaison.hub.config.Preflight;

/**
 * Makes the folder of a SQLite database file before the pool opens it: SQLite creates the file but
 * not its folder, and a fresh {@code --data-dir} should just work.
 */
@Singleton
public class SqliteFolder implements BeanCreatedEventListener<DatasourceConfiguration> {

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    databaseFile(configuration.getUrl())
        .map(Path::getParent)
        .ifPresent(
            folder -> Preflight.checkWritableDirectory(folder, "--data-dir or HUB_DATA_DIR"));
    return configuration;
  }

  /** The file of a {@code jdbc:sqlite:} URL; empty for other databases and in-memory SQLite. */
  static Optional<Path> databaseFile(String url) {
    if (url == null || !url.startsWith("jdbc:sqlite:")) {
      return Optional.empty();
    }
    String rest = url.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    String file = query < 0 ? rest : rest.substring(0, query);
    if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file::memory:")) {
      return Optional.empty();
    }
    if (file.startsWith("file:")) {
      file = file.substring("file:".length());
    }
    return Optional.of(Path.of(file).toAbsolutePath());
  }
}
