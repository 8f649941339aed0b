package liaison.kiosk.notices;

/** One notice in full. */
public record NoticeModel(NoticeItem item, String body) {}
