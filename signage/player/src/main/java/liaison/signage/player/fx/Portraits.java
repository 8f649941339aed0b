package liaison.signage.player.fx;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;

/**
 * Deputies' portraits: the photo once the station has it (fetched by content hash), else a
 * placeholder with the deputy's first character, so a missing photo never leaves a hole.
 */
public final class Portraits {
  private static final int CACHED = 64;

  private final Function<String, Optional<Path>> files;
  private final Map<String, Image> images =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
          return size() > CACHED;
        }
      };

  /**
   * @param files where a photo with this hash is stored on this station, if it is yet
   */
  public Portraits(Function<String, Optional<Path>> files) {
    this.files = files;
  }

  /** No photos at all: placeholders only. */
  public static Portraits none() {
    return new Portraits(hash -> Optional.empty());
  }

  /** Whether the photo is on this station; views use it to redraw once a photo arrives. */
  public boolean has(String hash) {
    return hash != null && image(hash).isPresent();
  }

  /** A round portrait {@code sizeEm} across, in em of the surrounding text. */
  public Node node(Optional<String> photo, String initial, double sizeEm) {
    StackPane pane = new StackPane();
    pane.getStyleClass().add("portrait");
    pane.setStyle(
        "-fx-pref-width: "
            + sizeEm
            + "em; -fx-pref-height: "
            + sizeEm
            + "em;"
            + " -fx-min-width: "
            + sizeEm
            + "em; -fx-min-height: "
            + sizeEm
            + "em;"
            + " -fx-max-width: "
            + sizeEm
            + "em; -fx-max-height: "
            + sizeEm
            + "em;");
    Circle circle = new Circle();
    circle.getStyleClass().add("portrait-circle");
    circle.radiusProperty().bind(pane.widthProperty().divide(2).subtract(1));
    Optional<Image> image = photo.flatMap(this::image);
    if (image.isPresent()) {
      ImageView view = new ImageView(image.get());
      view.setPreserveRatio(false);
      view.setSmooth(true);
      view.fitWidthProperty().bind(pane.widthProperty());
      view.fitHeightProperty().bind(pane.heightProperty());
      Circle clip = new Circle();
      clip.radiusProperty().bind(pane.widthProperty().divide(2));
      clip.centerXProperty().bind(pane.widthProperty().divide(2));
      clip.centerYProperty().bind(pane.heightProperty().divide(2));
      view.setClip(clip);
      pane.getChildren().addAll(circle, view);
      pane.getStyleClass().add("with-photo");
    } else {
      Label letter = new Label(initial);
      letter.getStyleClass().add("portrait-initial");
      letter.setStyle("-fx-font-size: " + (sizeEm * 0.45) + "em;");
      pane.getChildren().addAll(circle, letter);
    }
    return pane;
  }

  private Optional<Image> image(String hash) {
    Image cached = images.get(hash);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Image> loaded =
        files
            .apply(hash)
            .map(file -> new Image(file.toUri().toString(), 240, 240, true, true, false))
            .filter(img -> !img.isError());
    loaded.ifPresent(img -> images.put(hash, img));
    return loaded;
  }
}
