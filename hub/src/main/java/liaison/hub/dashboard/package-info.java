/**
 * The county dashboard's figures (feature): opinions by status, category, station, township and
 * month, answer and on-time rates, satisfaction, overdue and escalated cases, receptions and
 * deputies' attendance, screens online. {@link liaison.hub.dashboard.DashboardFigures} holds every
 * aggregate query in one place (both stores); {@link liaison.hub.dashboard.Dashboard} scopes them
 * by {@link liaison.hub.station.Access}. Definitions: docs/DASHBOARD.md.
 */
@NullMarked
package liaison.hub.dashboard;

import org.jspecify.annotations.NullMarked;
