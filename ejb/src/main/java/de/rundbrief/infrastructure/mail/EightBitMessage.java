package de.rundbrief.infrastructure.mail;

import de.rundbrief.domain.mailing.Personalisation;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A personal message assembled as bytes in one go, sent as 8-bit MIME ({@code BODY=8BITMIME}) to a
 * server that announces it: multipart/alternative with the plain text and the HTML, both UTF-8 as
 * they are. Jakarta Mail's own writing goes byte by byte through several streams, which in a trial
 * here took most of the sending engine's time; this writes one array.
 *
 * <p>Only for parts whose lines are at most 998 octets (RFC 5321): HTML lines are broken after
 * tags, and a text with a line too long leaves the message to Jakarta Mail's quoted-printable.
 */
final class EightBitMessage extends SMTPMessage {

  /** The longest line 8-bit MIME allows, without its line break. */
  static final int MAX_LINE = 998;

  /** HTML lines end after a tag from this many octets on. */
  static final int HTML_LINE = 200;

  private final byte[] bytes;

  /** The recipient, parsed once: the sending engine asks for it for every message. */
  private InternetAddress[] recipients;

  private EightBitMessage(Session session, byte[] bytes) {
    super(session);
    this.bytes = bytes;
  }

  /**
   * The message, or {@code null} where a line is too long for 8-bit MIME (a text paragraph of
   * several hundred characters with many non-ASCII ones); every value is already personal,
   * header-safe and checked. The octets are assembled in {@code message}, which is emptied first
   * and may be used again once this returns.
   */
  static EightBitMessage of(
      Session session,
      InternetAddress from,
      InternetAddress replyTo,
      String to,
      String subject,
      String messageId,
      String oneClickUrl,
      String text,
      Consumer<Personalisation.Target> html,
      LiteralCache literals,
      String returnPath,
      MessageBytes message)
      throws MessagingException {
    String boundary = "=_rb_" + UUID.randomUUID().toString().replace("-", "");
    message.clear();
    header(message, "Date", MailDates.now());
    header(message, "From", from.toString());
    if (replyTo != null) {
      header(message, "Reply-To", replyTo.toString());
    }
    header(message, "To", to);
    header(message, "Message-ID", messageId);
    header(message, "Subject", encode(subject));
    header(message, "MIME-Version", "1.0");
    header(message, "List-Unsubscribe", "<" + oneClickUrl + ">");
    header(message, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    header(message, "Precedence", "bulk");
    header(message, "Content-Type", "multipart/alternative;\r\n\tboundary=\"" + boundary + "\"");
    message.append("\r\n");
    partHeader(message, boundary, "text/plain; charset=UTF-8");
    if (message.part(text, false, HTML_LINE) > MAX_LINE) {
      return null;
    }
    partHeader(message, boundary, "text/html; charset=UTF-8");
    message.startPart(true, HTML_LINE);
    html.accept(
        new Personalisation.Target() {
          @Override
          public void literal(int index, String piece) {
            message.literal(index, piece, literals);
          }

          @Override
          public void filled(String piece) {
            message.text(piece);
          }
        });
    if (message.endPart() > MAX_LINE) {
      return null;
    }
    message.append("--").append(boundary).append("--\r\n");
    EightBitMessage composed = new EightBitMessage(session, message.toByteArray());
    composed.setEnvelopeFrom(returnPath);
    composed.setMailExtension("BODY=8BITMIME");
    composed.recipients = InternetAddress.parse(to);
    composed.setRecipients(RecipientType.TO, composed.recipients);
    return composed;
  }

  private static void header(MessageBytes message, String name, String value) {
    message.append(name).append(": ").append(value).append("\r\n");
  }

  private static String encode(String subject) throws MessagingException {
    try {
      return MimeUtility.fold(9, MimeUtility.encodeText(subject, "UTF-8", null));
    } catch (UnsupportedEncodingException e) {
      throw new MessagingException("UTF-8 is not available", e);
    }
  }

  /**
   * Starts a part; its text follows in a single pass, line breaks made CRLF and an HTML part broken
   * after a tag once a line has grown past {@value #HTML_LINE} octets (which changes nothing a
   * reader sees), its unchanging pieces copied from the letter's {@link LiteralCache}.
   */
  private static void partHeader(MessageBytes message, String boundary, String type) {
    message
        .append("--")
        .append(boundary)
        .append("\r\nContent-Type: ")
        .append(type)
        .append("\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
  }

  /**
   * The Date header's text, made once a second: {@link MailDateFormat} is a {@code
   * SimpleDateFormat}, costly to create and not to be shared between threads.
   */
  static final class MailDates {

    private record Second(long epochSecond, String text) {}

    private static volatile Second last = new Second(Long.MIN_VALUE, "");

    private MailDates() {}

    static String now() {
      return of(System.currentTimeMillis());
    }

    static String of(long epochMilli) {
      long second = Math.floorDiv(epochMilli, 1000);
      Second known = last;
      if (known.epochSecond() == second) {
        return known.text();
      }
      String text = new MailDateFormat().format(new Date(second * 1000));
      last = new Second(second, text);
      return text;
    }
  }

  @Override
  public void writeTo(OutputStream out, String[] ignoreHeaders) throws IOException {
    out.write(bytes);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /**
   * Writes the octets as SMTP's DATA wants them: a line that starts with a dot gets another one in
   * front (RFC 5321, 4.5.2); the message already ends with CRLF, so only the final dot is missing.
   */
  void writeDotStuffed(OutputStream out) throws IOException {
    int from = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '.' && (i == 0 || bytes[i - 1] == '\n')) {
        out.write(bytes, from, i - from);
        out.write('.');
        from = i;
      }
    }
    out.write(bytes, from, bytes.length - from);
  }

  @Override
  public Address[] getAllRecipients() {
    return recipients.clone();
  }

  @Override
  public int getSize() {
    return bytes.length;
  }

  @Override
  protected void updateMessageID() {
    // the Message-ID is part of the bytes
  }

  @Override
  public void saveChanges() {
    // assembled once; nothing to update
  }
}
