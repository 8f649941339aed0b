package liaison.hub.suggestion;

import liaison.hub.opinion.ReplyFiles;

/** A photo or PDF a deputy attached to a suggestion. */
public record SuggestionFile(
    String hash, ReplyFiles.Kind kind, String fileName, long sizeBytes, String addedBy) {
  /** Its address under the suggestion: the hash with the extension of what is stored. */
  public String file() {
    return hash + (kind == ReplyFiles.Kind.PDF ? ".pdf" : ".jpg");
  }
}
