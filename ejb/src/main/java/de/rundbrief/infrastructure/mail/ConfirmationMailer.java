package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.consent.ConfirmationRequested;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingValues;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
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
 *
 * <p>The tenant's settings shape the mail: sender name, sender address (only with a domain among
 * the allowed sender domains; otherwise the mail session's address), reply-to, subject and text
 * ({@code {tenant}}, {@code {list}} and {@code {link}} replaced; without them Rundbrief's own texts
 * in the subscriber's language) and the imprint under the HTML part.
 */
@ApplicationScoped
public class ConfirmationMailer {

  /** The JNDI name of the shared mail session that IT provides in the server. */
  public static final String MAIL_SESSION = "mail/rundbrief";

  private static final Logger LOG = Logger.getLogger(ConfirmationMailer.class.getName());

  @Resource(lookup = MAIL_SESSION)
  private Session session;

  @Resource private ManagedExecutorService executor;

  @Inject private Settings settings;

  protected ConfirmationMailer() {}

  /** With built-in settings only. */
  ConfirmationMailer(Session session) {
    this(session, BuiltInSettings.INSTANCE);
  }

  ConfirmationMailer(Session session, Settings settings) {
    this.session = session;
    this.settings = settings;
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
    EffectiveSettings tenant = settings.of(request.tenant());
    MimeMessage message = new MimeMessage(session);
    message.setFrom(sender(request, tenant));
    String replyTo = tenant.text(SettingKey.REPLY_TO);
    if (!replyTo.isBlank()) {
      message.setReplyTo(new InternetAddress[] {new InternetAddress(replyTo)});
    }
    message.setRecipient(
        Message.RecipientType.TO,
        new InternetAddress(
            request.recipient().value(), MailText.headerSafe(request.recipientName()), "UTF-8"));
    String subject = tenant.text(SettingKey.OPT_IN_SUBJECT);
    message.setSubject(
        MailText.headerSafe(
            subject.isBlank()
                ? MessageFormat.format(texts.getString("confirm.subject"), request.listName())
                : fill(subject, request)),
        "UTF-8");
    message.setSentDate(new Date());

    String ownText = tenant.text(SettingKey.OPT_IN_TEXT);
    String imprint = SettingValues.sanitiseHtml(tenant.text(SettingKey.IMPRINT_HTML));
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(
        ownText.isBlank()
            ? MessageFormat.format(
                texts.getString("confirm.text"),
                request.tenantName(),
                request.listName(),
                request.confirmUrl())
            : fill(ownText, request),
        StandardCharsets.UTF_8.name());
    String html =
        ownText.isBlank()
            ? MessageFormat.format(
                texts.getString("confirm.html"),
                MailText.html(request.tenantName()),
                MailText.html(request.listName()),
                MailText.html(request.confirmUrl()))
            : html(ownText, request);
    if (!imprint.isBlank()) {
      html = html.replace("</body>", "<hr/><div>" + imprint + "</div></body>");
    }
    MimeBodyPart htmlPart = new MimeBodyPart();
    htmlPart.setContent(html, "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(htmlPart);
    message.setContent(alternative);
    return message;
  }

  /**
   * The tenant's sender name (else its name) with its sender address where that is one of the
   * allowed sender domains, else the mail session's address.
   */
  private InternetAddress sender(ConfirmationRequested request, EffectiveSettings tenant)
      throws MessagingException, UnsupportedEncodingException {
    String address = tenant.text(SettingKey.SENDER_ADDRESS);
    if (address.isBlank() || !tenant.allowsSender(address)) {
      InternetAddress from = InternetAddress.getLocalAddress(session);
      if (from == null) {
        throw new MessagingException("The mail session " + MAIL_SESSION + " names no sender");
      }
      address = from.getAddress();
    }
    String name = tenant.text(SettingKey.SENDER_NAME);
    return new InternetAddress(
        address, MailText.headerSafe(name.isBlank() ? request.tenantName() : name), "UTF-8");
  }

  /** A tenant's own text with its placeholders filled in. */
  private static String fill(String text, ConfirmationRequested request) {
    return text.replace("{tenant}", request.tenantName())
        .replace("{list}", request.listName())
        .replace(SettingValues.LINK_PLACEHOLDER, request.confirmUrl());
  }

  /** A tenant's own plain text as HTML: escaped, paragraphs and line breaks kept, a real link. */
  private static String html(String text, ConfirmationRequested request) {
    String link =
        "<a href=\""
            + MailText.html(request.confirmUrl())
            + "\">"
            + MailText.html(request.confirmUrl())
            + "</a>";
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
    for (String paragraph : text.split("\n\\s*\n")) {
      String escaped =
          MailText.html(
                  paragraph
                      .replace("{tenant}", request.tenantName())
                      .replace("{list}", request.listName()))
              .replace("\n", "<br/>")
              .replace(MailText.html(SettingValues.LINK_PLACEHOLDER), link);
      html.append("<p>").append(escaped).append("</p>");
    }
    return html.append("</body></html>").toString();
  }

  /** Settings with nothing set: Rundbrief's own texts and the mail session's sender. */
  private enum BuiltInSettings implements Settings {
    INSTANCE;

    @Override
    public EffectiveSettings global() {
      return EffectiveSettings.defaults();
    }

    @Override
    public EffectiveSettings of(TenantKey tenant) {
      return EffectiveSettings.defaults();
    }
  }

  private static ResourceBundle texts(Locale locale) {
    return ResourceBundle.getBundle(
        "de.rundbrief.infrastructure.mail.mails",
        locale == null ? Locale.ENGLISH : locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
