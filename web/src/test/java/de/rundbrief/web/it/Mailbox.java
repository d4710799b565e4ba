package de.rundbrief.web.it;

import static org.assertj.core.api.Assertions.fail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The messages the SMTP server on loopback received, read per recipient. */
public final class Mailbox {

  private static final Pattern CONFIRM_LINK =
      Pattern.compile("https?://[^\\s\"<>]+/confirm\\.xhtml\\?token=([A-Za-z0-9_-]+)");

  private Mailbox() {}

  /** The messages to this address so far. */
  public static List<MimeMessage> messagesTo(String address) {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage message : RundbriefServer.smtp().getReceivedMessages()) {
      try {
        Address[] recipients = message.getAllRecipients();
        if (recipients != null
            && Arrays.stream(recipients)
                .anyMatch(r -> ((InternetAddress) r).getAddress().equalsIgnoreCase(address))) {
          found.add(message);
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return found;
  }

  /** Waits up to ten seconds for a message to this address. */
  static MimeMessage waitForMessageTo(String address) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<MimeMessage> messages = messagesTo(address);
      if (!messages.isEmpty()) {
        return messages.get(messages.size() - 1);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return fail("No mail to " + address + " within ten seconds");
  }

  /** The plain-text part of a message. */
  static String text(MimeMessage message) {
    try {
      return textOf(message);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The HTML part of a message. */
  public static String html(MimeMessage message) {
    try {
      return htmlOf(message);
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String htmlOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/html")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String html = htmlOf(multipart.getBodyPart(i));
        if (html != null) {
          return html;
        }
      }
    }
    return null;
  }

  /** The confirmation link's full URL in a confirmation mail. */
  static String confirmationLink(MimeMessage message) {
    Matcher link = CONFIRM_LINK.matcher(text(message));
    if (!link.find()) {
      return fail("No confirmation link in:\n" + text(message));
    }
    return link.group();
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = textOf(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }
}
