package de.rundbrief.domain.consent;

import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.tenant.TenantKey;
import java.util.Locale;

/**
 * A confirmation mail is due: fired inside the transaction that made the subscription pending, and
 * sent only once that transaction has committed.
 *
 * @param tenant the tenant whose settings (sender, texts, imprint) the mail follows
 * @param recipientName the subscriber's name, or {@code null}
 * @param confirmUrl the personal confirmation link
 */
public record ConfirmationRequested(
    TenantKey tenant,
    String tenantName,
    String listName,
    EmailAddress recipient,
    String recipientName,
    String confirmUrl,
    Locale locale) {}
