package liaison.hub.notify;

import org.jspecify.annotations.Nullable;

/**
 * One plain-text e-mail (UTF-8), Chinese first.
 *
 * @param to one address
 * @param subject one line
 * @param text the body
 * @param unsubscribe a link that stops these messages (sent as {@code List-Unsubscribe} too), or
 *     null for messages a department must receive
 */
public record MailMessage(String to, String subject, String text, @Nullable String unsubscribe) {}
