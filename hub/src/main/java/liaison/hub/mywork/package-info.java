/**
 * 我的: a deputy's own work on their phone ({@code /me}, the landing page of a deputy's account):
 * their receptions and whether they signed in, the opinions left for them or taken at their
 * receptions, their suggestions, duty points and reports to voters, read from the tables the other
 * features keep; and signing in (签到) at a reception by scanning the station's screen, whose code
 * {@link SignInKeys} lets the hub check.
 */
@NullMarked
package liaison.hub.mywork;

import org.jspecify.annotations.NullMarked;
