/**
 * The opinion loop's results in public: handling figures computed from the cases ({@link
 * liaison.hub.results.HandlingResults}) and the summaries staff published when answering ({@link
 * liaison.hub.results.PublishedSummaries}), for the stations' snapshots and the public pages.
 */
@NullMarked
package liaison.hub.results;

import org.jspecify.annotations.NullMarked;
