/** What stations send: their state and the events of their outboxes. */
@NullMarked
package liaison.hub.ingest;

import org.jspecify.annotations.NullMarked;
