package liaison.hub.problem;

/** What is wrong with one field of a form or an API body, in Chinese and in English. */
public record FieldError(String field, String zh, String en) {}
