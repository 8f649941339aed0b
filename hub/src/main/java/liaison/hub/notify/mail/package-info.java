/**
 * E-mail through the county's own mail server over SMTP ({@code hub.notify.mail.channel=smtp}): the
 * settings, checked when the hub starts, the gateway, and what each failure means to the
 * administrator who reads the outbox (docs/NOTIFICATIONS.md, "E-mail").
 */
@NullMarked
package liaison.hub.notify.mail;

import org.jspecify.annotations.NullMarked;
