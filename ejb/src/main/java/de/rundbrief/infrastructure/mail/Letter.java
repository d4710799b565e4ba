package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.mailing.MailHtml;
import de.rundbrief.domain.mailing.Personalisation;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tracking.TrackedLinks;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A mailing made ready to go out: its texts parsed once, then turned into one personal message per
 * recipient. Every message carries Rundbrief's footer (the imprint, why the recipient gets it, a
 * personal unsubscribe link), the RFC 8058 one-click unsubscribe headers, a Message-ID that stays
 * the same for this mailing and recipient however often it is sent, and a Return-Path that names
 * them both (see {@link VerpAddresses}).
 */
public final class Letter {

  /** One recipient's side of a message. */
  public record Personal(
      long subscriberId,
      String email,
      Function<String, String> values,
      String unsubscribeUrl,
      String oneClickUrl) {}

  /**
   * How a letter's links and open pixel are tracked. Only the mailing's own body is tracked: the
   * footer's unsubscribe link and the imprint never are.
   */
  public interface Tracking {

    /**
     * @return the tracked address for the link at {@code index}, or {@code null} to leave it as it
     *     is
     */
    String click(long subscriberId, int index, String url);

    /** The address of the open pixel. */
    String open(long subscriberId);
  }

  /** What the letter is made of, as the mailing holds it. */
  public record Content(
      TenantKey tenant,
      long mailingId,
      String tenantName,
      String subject,
      String preheader,
      SenderIdentity sender,
      String replyTo,
      String language,
      String htmlBody,
      String textBody,
      String imprintHtml) {}

  /** Numbers of the HTML document's unchanging pieces apart from the body's own (from 0). */
  private static final int HEAD = -1;

  private static final int TITLE_END = -2;
  private static final int FOOTER = -3;
  private static final int FOOTER_END = -4;
  private static final int END = -5;

  private final Content content;
  private final Personalisation subject;
  private final Personalisation preheader;
  private final Personalisation html;
  private final Personalisation text;
  private final String imprintText;
  private final String footerReason;
  private final String unsubscribeLabel;
  private final Tracking tracking;

  /** The HTML document's unchanging pieces around the body. */
  private final String htmlHead;

  private final String htmlFooter;
  private final String htmlFooterEnd;

  /** The octets of the unchanging pieces of the 8-bit HTML part, shared by the sending threads. */
  private final LiteralCache literals;

  private final TrackedLinks.Template linkTemplate;

  /** A letter without tracking: previews and test sends. */
  public Letter(Content content, MailHtml mailHtml) {
    this(content, mailHtml, null);
  }

  /**
   * @param tracking how links and opens are tracked; {@code null} for none
   */
  public Letter(Content content, MailHtml mailHtml, Tracking tracking) {
    this.content = content;
    this.tracking = tracking;
    this.subject = Personalisation.parse(content.subject());
    this.preheader = Personalisation.parse(content.preheader());
    this.html = Personalisation.parse(content.htmlBody());
    this.text = Personalisation.parse(content.textBody());
    this.linkTemplate = tracking == null ? null : TrackedLinks.template(content.htmlBody());
    this.imprintText =
        content.imprintHtml() == null ? "" : mailHtml.plainText(content.imprintHtml());
    ResourceBundle texts =
        ResourceBundle.getBundle(
            "de.rundbrief.infrastructure.mail.mails",
            Locale.forLanguageTag(content.language()),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.footerReason =
        MessageFormat.format(texts.getString("footer.reason"), content.tenantName());
    String footerReasonHtml = MailText.html(footerReason);
    this.unsubscribeLabel = texts.getString("footer.unsubscribe");
    String unsubscribeLabelHtml = MailText.html(unsubscribeLabel);
    this.literals = new LiteralCache(END, html.pieces() - 1);
    this.htmlHead =
        "<!DOCTYPE html><html lang=\""
            + content.language()
            + "\"><head><meta charset=\"UTF-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>";
    this.htmlFooter =
        "<div style=\"margin-top:32px;font-size:12px;line-height:1.5;color:#666666;\">"
            + (content.imprintHtml() == null ? "" : "<div>" + content.imprintHtml() + "</div>")
            + "<p>"
            + footerReasonHtml
            + "<br><a href=\"";
    this.htmlFooterEnd = "\">" + unsubscribeLabelHtml + "</a></p></div>";
  }

  public Content content() {
    return content;
  }

  /** The field keys the letter's placeholders use, to load just those per recipient. */
  public Set<String> fieldKeys() {
    Set<String> keys = new LinkedHashSet<>(subject.fieldKeys());
    keys.addAll(preheader.fieldKeys());
    keys.addAll(html.fieldKeys());
    keys.addAll(text.fieldKeys());
    return keys;
  }

  public String subject(Personal person) {
    return MailText.headerSafe(subject.render(person.values(), MailText::headerSafe));
  }

  /** The whole HTML document one recipient gets; also the preview. */
  public String html(Personal person) {
    StringBuilder page = new StringBuilder(content.htmlBody().length() + 2048);
    html(
        person,
        new Personalisation.Target() {
          @Override
          public void literal(int index, String text) {
            page.append(text);
          }

          @Override
          public void filled(String text) {
            page.append(text);
          }
        });
    return page.toString();
  }

  /**
   * Writes the HTML document piece by piece: what is the same for every recipient as literals
   * (numbered by {@link #HEAD} and the like apart from the body's own), what is personal as filled.
   */
  private void html(Personal person, Personalisation.Target page) {
    page.literal(HEAD, htmlHead);
    page.filled(MailText.html(subject(person)));
    page.literal(TITLE_END, "</title></head><body>");
    // the preheader is plain text, its own words as well as what is filled in
    String hidden = MailText.html(preheader.render(person.values(), UnaryOperator.identity()));
    if (!hidden.isBlank()) {
      page.filled("<div style=\"display:none;max-height:0;overflow:hidden;\">" + hidden + "</div>");
    }
    if (tracking == null) {
      html.render(person.values(), MailText::html, page);
    } else {
      page.filled(
          TrackedLinks.rewrite(
              html.render(person.values(), MailText::html),
              linkTemplate,
              (index, url) -> tracking.click(person.subscriberId(), index, url)));
    }
    page.literal(FOOTER, htmlFooter);
    page.filled(MailText.html(person.unsubscribeUrl()));
    page.literal(FOOTER_END, htmlFooterEnd);
    if (tracking != null) {
      page.filled(
          "<img src=\""
              + MailText.html(tracking.open(person.subscriberId()))
              + "\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0;\">");
    }
    page.literal(END, "</body></html>");
  }

  /** The plain-text alternative one recipient gets. */
  public String text(Personal person) {
    StringBuilder plain = new StringBuilder(content.textBody().length() + 512);
    String body = text.render(person.values(), UnaryOperator.identity()).strip();
    if (tracking != null) {
      body =
          TrackedLinks.rewriteText(
              body,
              linkTemplate.links(),
              (index, url) -> tracking.click(person.subscriberId(), index, url));
    }
    plain.append(body).append("\n\n-- \n");
    if (!imprintText.isBlank()) {
      plain.append(imprintText).append("\n\n");
    }
    plain
        .append(footerReason)
        .append('\n')
        .append(unsubscribeLabel)
        .append(": ")
        .append(person.unsubscribeUrl())
        .append('\n');
    return plain.toString();
  }

  /**
   * The message for one recipient.
   *
   * @param returnPath the envelope sender, where bounces go
   * @param eightBit whether the server takes 8-bit MIME; then the message is assembled as bytes in
   *     one go, otherwise Jakarta Mail encodes it as quoted-printable
   */
  public MimeMessage compose(Session session, Personal person, String returnPath, boolean eightBit)
      throws MessagingException {
    return compose(session, person, returnPath, eightBit, new MessageBytes());
  }

  /**
   * The message for one recipient, its octets assembled in the caller's {@code buffer}: for one
   * message after another, as the sending engine's workers compose them.
   */
  public MimeMessage compose(
      Session session, Personal person, String returnPath, boolean eightBit, MessageBytes buffer)
      throws MessagingException {
    String text = text(person);
    if (eightBit) {
      EightBitMessage message =
          EightBitMessage.of(
              session,
              address(content.sender().address(), senderName()),
              content.replyTo() == null ? null : new InternetAddress(content.replyTo()),
              new InternetAddress(person.email()).toString(),
              subject(person),
              messageId(person),
              person.oneClickUrl(),
              text,
              page -> html(person, page),
              literals,
              returnPath,
              buffer);
      if (message != null) {
        return message;
      }
    }
    String html = html(person);
    String messageId = messageId(person);
    SMTPMessage message =
        new SMTPMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    message.setEnvelopeFrom(returnPath);
    message.setFrom(address(content.sender().address(), senderName()));
    if (content.replyTo() != null) {
      message.setReplyTo(new InternetAddress[] {new InternetAddress(content.replyTo())});
    }
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(person.email()));
    message.setSubject(subject(person), StandardCharsets.UTF_8.name());
    message.setSentDate(new Date());
    message.setHeader("List-Unsubscribe", "<" + person.oneClickUrl() + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    message.setHeader("Precedence", "bulk");

    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, StandardCharsets.UTF_8.name());
    MimeBodyPart rich = new MimeBodyPart();
    rich.setContent(html, "text/html; charset=UTF-8");
    MimeMultipart alternative = new MimeMultipart("alternative");
    alternative.addBodyPart(plain);
    alternative.addBodyPart(rich);
    message.setContent(alternative);
    message.saveChanges();
    return message;
  }

  /** The same for every sending of this mailing to this recipient; a test send gets its own. */
  private String messageId(Personal person) {
    String recipient =
        person.subscriberId() == 0
            ? "test." + java.util.UUID.randomUUID()
            : String.valueOf(person.subscriberId());
    return "<rb."
        + content.tenant().value()
        + "."
        + content.mailingId()
        + "."
        + recipient
        + "@"
        + content.sender().domain()
        + ">";
  }

  private String senderName() {
    return content.sender().name() != null ? content.sender().name() : content.tenantName();
  }

  private static InternetAddress address(String address, String name) throws MessagingException {
    try {
      return new InternetAddress(address, MailText.headerSafe(name), StandardCharsets.UTF_8.name());
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is not available", e);
    }
  }
}
