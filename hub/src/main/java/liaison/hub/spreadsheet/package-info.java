/**
 * Spreadsheets (CSV) of stations and deputies, as the county's staff keep them in Excel: export
 * with Chinese column headers, import with a dry run first, in UTF-8 or GBK.
 */
@NullMarked
package liaison.hub.spreadsheet;

import org.jspecify.annotations.NullMarked;
