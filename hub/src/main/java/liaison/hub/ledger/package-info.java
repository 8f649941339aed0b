/**
 * The ledger (台账) of residents' opinions: the cases of a period with their timelines, as CSV and
 * XLSX for the stations' paperwork. Only this package imports commons-csv's printer and POI. No
 * contact details ever enter it (PIPL): the query does not read case_contact at all.
 */
@NullMarked
package liaison.hub.ledger;

import org.jspecify.annotations.NullMarked;
