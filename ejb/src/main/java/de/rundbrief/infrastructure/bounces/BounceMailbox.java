package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the bounce mailbox that IT provides, over IMAP or POP3 (with or without TLS): each message
 * is parsed, its consequences applied, and then it is deleted. A message whose consequences could
 * not be written stays for the next round, and so does the rest of a round in which the connection
 * broke; one that is not a bounce is deleted too, so that the mailbox does not fill up, and counted
 * in the log.
 */
public final class BounceMailbox {

  /** Messages handled per round at most. */
  static final int ROUND = 500;

  private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

  private final URLName address;
  private final String password;
  private final BounceParser parser;
  private final BounceProcessor processor;
  private final Properties properties = new Properties();

  /**
   * @param address for example {@code imaps://bounces@mail.example.com/INBOX} or {@code
   *     pop3://bounces@127.0.0.1:3110/INBOX}
   */
  public BounceMailbox(
      URLName address, String password, BounceParser parser, BounceProcessor processor) {
    this.address = address;
    this.password = password;
    this.parser = parser;
    this.processor = processor;
    for (String protocol : new String[] {"imap", "imaps", "pop3", "pop3s"}) {
      properties.put("mail." + protocol + ".connectiontimeout", "10000");
      properties.put("mail." + protocol + ".timeout", "30000");
    }
  }

  /**
   * Handles what the mailbox holds, at most {@link #ROUND} messages, as long as this reader's turn
   * lasts: {@code ourTurn} is asked before connecting and before each message, and a round stops
   * when it says no (the rest stays for the reader whose turn it is then).
   *
   * @return how many messages of each kind were handled and deleted
   */
  public Map<BounceKind, Integer> poll(BooleanSupplier ourTurn) throws MessagingException {
    Map<BounceKind, Integer> handled = new EnumMap<>(BounceKind.class);
    if (!ourTurn.getAsBoolean()) {
      return handled;
    }
    Store store = Session.getInstance(properties).getStore(address);
    store.connect(address.getHost(), address.getPort(), address.getUsername(), password);
    try {
      Folder inbox =
          store.getFolder(
              address.getFile() == null || address.getFile().isBlank()
                  ? "INBOX"
                  : address.getFile());
      inbox.open(Folder.READ_WRITE);
      try {
        Message[] messages = inbox.getMessages(1, Math.min(inbox.getMessageCount(), ROUND));
        for (Message message : messages) {
          if (!ourTurn.getAsBoolean()) {
            break;
          }
          BounceReport report = parser.parse((MimeMessage) message);
          if (report.kind() == BounceKind.UNKNOWN && !inbox.isOpen()) {
            // the connection broke while reading: the message was not read, so it stays
            LOG.warning("The bounce mailbox closed during a round: " + report.reason());
            break;
          }
          try {
            BounceProcessor.Outcome outcome = processor.apply(report);
            LOG.fine(() -> report.kind() + " report: " + outcome + " (" + report.status() + ")");
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A bounce could not be applied; it stays in the mailbox", e);
            continue;
          }
          message.setFlag(Flags.Flag.DELETED, true);
          handled.merge(report.kind(), 1, Integer::sum);
        }
      } finally {
        inbox.close(true);
      }
    } finally {
      store.close();
    }
    return handled;
  }
}
