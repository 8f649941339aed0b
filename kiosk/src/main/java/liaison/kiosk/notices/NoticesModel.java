package liaison.kiosk.notices;

import java.util.List;

/** The notices in force, most pressing first. */
public record NoticesModel(List<NoticeItem> notices) {}
