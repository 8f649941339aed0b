/**
 * Telling people when something happens: the outbox of messages (sent at least once, by one hub at
 * a time under the jobs' lease) and the channels they leave by, e-mail ({@link MailGateway}) and
 * SMS ({@link SmsGateway}). A feature enqueues a message in the same transaction as the step that
 * causes it, so a step never happens without its message nor a message without its step.
 */
@NullMarked
package liaison.hub.notify;

import org.jspecify.annotations.NullMarked;
