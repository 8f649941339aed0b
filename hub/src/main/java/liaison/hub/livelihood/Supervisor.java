package liaison.hub.livelihood;

/** A deputy supervising a project. */
public record Supervisor(String deputyId, String name) {}
