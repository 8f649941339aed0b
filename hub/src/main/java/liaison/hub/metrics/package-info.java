/**
 * What an operator watches (feature, above fleet, notify and opinion, which it reads): {@code GET
 * /metrics} in Prometheus' text format behind a bearer token, the figures counted in the database
 * (cached for {@code hub.metrics.cache}), the counters kept in memory as things happen, and the
 * HTTP timer's names; docs/FIELD.md, "Watching the hub (Prometheus)".
 */
@NullMarked
package liaison.hub.metrics;

import org.jspecify.annotations.NullMarked;
