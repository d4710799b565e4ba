package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingDeliveryException;
import de.rundbrief.domain.mailing.MailingRenderer;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.consent.ConsentLinks;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** Previews and test sends through {@link Letter}, exactly as the sending engine composes. */
@ApplicationScoped
public class LetterRenderer implements MailingRenderer {

  @Resource(lookup = ConfirmationMailer.MAIL_SESSION)
  private Session session;

  @Inject private MailHtml mailHtml;
  @Inject private ConsentLinks links;

  @Override
  public String html(
      TenantKey tenant,
      String tenantName,
      Mailing mailing,
      String imprintHtml,
      Function<String, String> values) {
    return letter(tenant, tenantName, mailing, imprintHtml, false).html(personal(values, ""));
  }

  @Override
  public void sendTest(
      TenantKey tenant,
      String tenantName,
      Mailing mailing,
      String imprintHtml,
      Function<String, String> values,
      List<String> addresses) {
    Letter letter = letter(tenant, tenantName, mailing, imprintHtml, true);
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect();
      InternetAddress bounces = InternetAddress.getLocalAddress(session);
      for (String address : addresses) {
        MimeMessage message =
            letter.compose(
                session,
                personal(values, address),
                bounces == null ? null : bounces.getAddress(),
                false);
        transport.sendMessage(message, message.getAllRecipients());
      }
    } catch (MessagingException e) {
      throw new MailingDeliveryException("The test could not be sent: " + e.getMessage(), e);
    }
  }

  private Letter letter(
      TenantKey tenant, String tenantName, Mailing mailing, String imprintHtml, boolean test) {
    String subject = mailing.getSubject();
    if (test) {
      ResourceBundle texts =
          ResourceBundle.getBundle(
              "de.rundbrief.infrastructure.mail.mails",
              Locale.forLanguageTag(mailing.getLanguage()),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
      subject = texts.getString("test.subject").replace("{0}", subject);
    }
    return new Letter(
        new Letter.Content(
            tenant,
            mailing.getId() == null ? 0 : mailing.getId(),
            tenantName,
            subject,
            mailing.getPreheader(),
            mailing.getSender(),
            mailing.getReplyTo(),
            mailing.getLanguage(),
            mailing.getHtmlBody(),
            mailing.getTextBody(),
            imprintHtml),
        mailHtml);
  }

  /** A test recipient: the sample values, with links that unsubscribe nobody. */
  private Letter.Personal personal(Function<String, String> values, String address) {
    String page = links.unsubscribePage();
    return new Letter.Personal(0, address, values, page, page);
  }
}
