package de.rundbrief.domain.mailing;

import de.rundbrief.domain.tenant.TenantKey;
import java.util.List;
import java.util.function.Function;

/** Turns a mailing into what a recipient sees: for the preview, and for test sends. */
public interface MailingRenderer {

  /**
   * The HTML document a recipient with these values would get, footer included.
   *
   * @param values a value per placeholder name, {@code null} where there is none
   */
  String html(
      TenantKey tenant,
      String tenantName,
      Mailing mailing,
      String imprintHtml,
      Function<String, String> values);

  /**
   * Sends the mailing at once to the addresses, its subject marked as a test, over one connection.
   *
   * @throws MailingDeliveryException if the mail server cannot be reached or refuses
   */
  void sendTest(
      TenantKey tenant,
      String tenantName,
      Mailing mailing,
      String imprintHtml,
      Function<String, String> values,
      List<String> addresses);
}
