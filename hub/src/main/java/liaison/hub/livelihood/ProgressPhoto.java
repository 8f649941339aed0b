package liaison.hub.livelihood;

/** A progress photo and whether staff have published it. */
public record ProgressPhoto(int position, String sha256, boolean published) {}
