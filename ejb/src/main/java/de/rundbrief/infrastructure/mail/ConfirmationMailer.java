package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.consent.ConfirmationRequested;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Date;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends double opt-in confirmation mails, after the subscription's transaction has committed and
 * off the request thread, so that a slow or failing mail server neither holds up the form nor
 * undoes the request. A mail that fails is logged; the subscriber can ask again and gets a new one.
 */
@ApplicationScoped
public class ConfirmationMailer {

  /** The JNDI name of the shared mail session that IT provides in the server. */
  public static final String MAIL_SESSION = "mail/rundbrief";

  private static final Logger LOG = Logger.getLogger(ConfirmationMailer.class.getName());

  @Resource(lookup = MAIL_SESSION)
  private Session session;

  @Resource private ManagedExecutorService executor;

  protected ConfirmationMailer() {}

  ConfirmationMailer(Session session) {
    this.session = session;
  }

  void onConfirmationRequested(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) ConfirmationRequested request) {
    executor.execute(() -> send(request));
  }

  private void send(ConfirmationRequested request) {
    try {
      Transport.send(compose(request));
    } catch (MessagingException | UnsupportedEncodingException e) {
      LOG.log(Level.WARNING, "Confirmation mail for list " + request.listName() + " failed", e);
    }
  }

  MimeMessage compose(ConfirmationRequested request)
      throws MessagingException, UnsupportedEncodingException {
    ResourceBundle texts = texts(request.locale());
    MimeMessage message = new MimeMessage(session);
    InternetAddress from = InternetAddress.getLocalAddress(session);
    if (from == null) {
      throw new MessagingException("The mail session " + MAIL_SESSION + " names no sender");
    }
    message.setFrom(
        new InternetAddress(from.getAddress(), MailText.headerSafe(request.tenantName()), "UTF-8"));
    message.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress(
            request.recipient().value(), MailText.headerSafe(request.recipientName()), "UTF-8"));
    message.setSubject(
        MailText.headerSafe(
            MessageFormat.format(texts.getString("confirm.subject"), request.listName())),
        "UTF-8");
    message.setSentDate(new Date());

    Object[] arguments = {request.tenantName(), request.listName(), request.confirmUrl()};
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(
        MessageFormat.format(texts.getString("confirm.text"), arguments),
        StandardCharsets.UTF_8.name());
    MimeBodyPart html = new MimeBodyPart();
    html.setContent(
        MessageFormat.format(
            texts.getString("confirm.html"),
            MailText.html(request.tenantName()),
            MailText.html(request.listName()),
            MailText.html(request.confirmUrl())),
        "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    return message;
  }

  private static ResourceBundle texts(Locale locale) {
    return ResourceBundle.getBundle(
        "de.rundbrief.infrastructure.mail.mails",
        locale == null ? Locale.ENGLISH : locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
