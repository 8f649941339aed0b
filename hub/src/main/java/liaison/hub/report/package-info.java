/**
 * The report to voters (述职评议): staff schedule a deputy's report at a station, print ballot slips
 * with one-time codes, open and close the vote; voters' phones send anonymous ballots; the live
 * tally goes to the station's retained tally topic after every counted ballot. The ballot scheme,
 * what it prevents and what it does not: docs/DEPUTIES.md, "The report to voters and its vote".
 */
@NullMarked
package liaison.hub.report;

import org.jspecify.annotations.NullMarked;
