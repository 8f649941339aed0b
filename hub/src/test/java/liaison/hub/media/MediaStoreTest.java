package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hub stopped in the middle of an upload left in its media folder, and what it keeps. */
class MediaStoreTest {
  @Test
  void shouldClearWhatAnUploadLeftWhenTheHubWasKilledAndKeepTheLibrary(@TempDir Path data)
      throws IOException {
    Path media = data.resolve("media");
    String kept = new MediaStore(media).put(new byte[] {1, 2, 3});
    Files.write(media.resolve("upload-123.tmp"), new byte[1024]);
    Files.createDirectories(media.resolve("incoming/upload-456/pages"));
    Files.write(media.resolve("incoming/upload-456/upload"), new byte[1024]);
    Files.write(media.resolve("incoming/upload-456/pages/page-001.png"), new byte[16]);
    Files.createDirectories(media.resolve(MediaStore.PARTS));
    Files.write(media.resolve(MediaStore.PARTS).resolve("FUp_789.tmp"), new byte[2048]);

    new MediaStore(media).sweep();

    try (Stream<Path> left = Files.walk(media)) {
      assertThat(left.filter(Files::isRegularFile).map(p -> media.relativize(p).toString()))
          .containsExactly(kept);
    }
    assertThat(MediaStore.isUploadWork(Path.of("media/upload-1.tmp"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/incoming/upload-2/upload"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/uploads/FUp_3.tmp"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/" + kept))).isFalse();
    assertThat(MediaStore.isUploadWork(Path.of("photos/upload-1.tmp"))).isFalse();
  }

  @Test
  void shouldMakeTheFormPartsFolderBeforeTheServerWritesIntoIt(@TempDir Path data) {
    Path media = data.resolve("media");

    new MediaStore(media).sweep();

    assertThat(media.resolve(MediaStore.PARTS)).isEmptyDirectory();
  }

  @Test
  void shouldMoveAWorkFileInUnderItsHashOrDropItWhenTheBytesAreThere(@TempDir Path data)
      throws IOException {
    Path media = data.resolve("media");
    MediaStore store = new MediaStore(media);
    String hash = store.put(new byte[] {4, 5, 6});
    Path work = Files.createDirectories(media.resolve("incoming/upload-1")).resolve("upload");

    Files.write(work, new byte[] {4, 5, 6});
    store.take(work, hash);
    assertThat(work).doesNotExist();
    assertThat(store.find(hash))
        .hasValueSatisfying(f -> assertThat(f).hasBinaryContent(new byte[] {4, 5, 6}));

    Files.write(work, new byte[] {7, 8});
    String other = HexFormat.of().formatHex(MediaStore.sha256().digest(new byte[] {7, 8}));
    store.take(work, other);
    assertThat(work).doesNotExist();
    assertThat(store.find(other))
        .hasValueSatisfying(f -> assertThat(f).hasBinaryContent(new byte[] {7, 8}));
  }
}
