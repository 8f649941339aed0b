package liaison.hub.livelihood;

/** A deputy supervising a project, or one staff may assign to. */
public record Supervisor(String deputyId, String name) {}
