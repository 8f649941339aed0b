/**
 * The duty record (履职档案, issue 18): the county's duty list (履职清单) of aspects, and each deputy's
 * record for a year laid out in it, filled from what the hub knows (receptions, opinions,
 * suggestions, reports to voters, duty points and stars, read from their tables in this package's
 * own queries) and from staff's notes; shown as a page, as JSON and as a PDF drawn by {@code
 * poster}. No resident's name, phone or words enter it: an opinion shows as its tracking code,
 * category and status.
 */
@NullMarked
package liaison.hub.dutyrecord;

import org.jspecify.annotations.NullMarked;
