package liaison.hub.command;

import java.util.List;
import liaison.hub.security.Staff;
import liaison.signage.protocol.CommandName;

/**
 * Who may send which command, to a station they can see: a county administrator all of them; a
 * station manager everything but a restart (a restart drops the screen for half a minute and, if
 * the new start fails, needs someone on site: the county decides); a deputy or a department none.
 */
public final class CommandRules {
  private CommandRules() {}

  public static boolean allowed(Staff staff, CommandName name) {
    return switch (staff.role()) {
      case COUNTY_ADMIN -> true;
      case STATION_MANAGER -> name != CommandName.RESTART_APP;
      case DEPUTY, DEPARTMENT -> false;
    };
  }

  public static List<CommandName> allowed(Staff staff) {
    return java.util.Arrays.stream(CommandName.values()).filter(n -> allowed(staff, n)).toList();
  }
}
