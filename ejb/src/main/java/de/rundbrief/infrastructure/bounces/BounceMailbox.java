package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.angus.mail.pop3.POP3Folder;

/**
 * Reads the bounce mailbox that IT provides, over IMAP or POP3 (with or without TLS): each message
 * is parsed, its consequences applied, and then it is deleted. A message whose consequences could
 * not be written stays for the next round, and so does the rest of a round in which the connection
 * broke; one that is not a bounce is deleted too, so that the mailbox does not fill up, and counted
 * in the log.
 *
 * <p>A message whose consequences fail {@value #ATTEMPTS} rounds in a row is set aside, so that it
 * neither fills the log every round nor, with others like it, takes the places of a round: over
 * IMAP it moves into the folder {@value #SET_ASIDE} (created when first needed), where IT finds it;
 * POP3 knows no folders, so there it stays in the mailbox and this reader passes over it. Either
 * way it is logged once, as an error, with the reason. The count is kept in memory: after a
 * restart, or on another instance of a cluster, a message gets its attempts again.
 */
public final class BounceMailbox {

  /** Messages handled per round at most. */
  static final int ROUND = 500;

  /** Failed rounds after which a message is set aside. */
  public static final int ATTEMPTS = 5;

  /** The IMAP folder that messages set aside move into. */
  public static final String SET_ASIDE = "Rundbrief-unapplied";

  /** Messages with failures remembered at most; beyond, the oldest are forgotten. */
  private static final int REMEMBERED = 10_000;

  private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

  private final URLName address;
  private final String password;
  private final BounceParser parser;
  private final BounceProcessor processor;
  private final Properties properties = new Properties();

  /** Failed rounds per message, by its {@link #key}; only the thread of a round touches it. */
  private final Map<String, Integer> failures =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
          return size() > REMEMBERED;
        }
      };

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
   * Handles what the mailbox holds, at most {@link #ROUND} messages besides those passed over, as
   * long as this reader's turn lasts: {@code ourTurn} is asked before connecting and before each
   * message, and a round stops when it says no (the rest stays for the reader whose turn it is
   * then).
   *
   * @return how many messages of each kind were handled and deleted
   */
  public synchronized Map<BounceKind, Integer> poll(BooleanSupplier ourTurn)
      throws MessagingException {
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
        Message[] messages = inbox.getMessages();
        // every message's UID in one exchange, not one per message
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        inbox.fetch(messages, uids);
        int tried = 0;
        for (int number = 0; number < messages.length && tried < ROUND; number++) {
          if (!ourTurn.getAsBoolean()) {
            break;
          }
          Message message = messages[number];
          String key;
          try {
            key = key(inbox, message);
          } catch (MessagingException e) {
            if (inbox.isOpen()) {
              throw e;
            }
            LOG.warning("The bounce mailbox closed during a round: " + e.getMessage());
            break;
          }
          if (failures.getOrDefault(key, 0) >= ATTEMPTS) {
            continue;
          }
          tried++;
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
            failed(store, inbox, message, key, report, e);
            continue;
          }
          failures.remove(key);
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

  /** Counts a failed round of the message and sets it aside at the last attempt. */
  private void failed(
      Store store,
      Folder inbox,
      Message message,
      String key,
      BounceReport report,
      RuntimeException e) {
    int attempts = failures.merge(key, 1, Integer::sum);
    if (attempts < ATTEMPTS) {
      LOG.log(
          Level.WARNING,
          "A bounce could not be applied (attempt "
              + attempts
              + " of "
              + ATTEMPTS
              + "); it stays in the mailbox",
          e);
      return;
    }
    String about = key + " about " + report.recipient() + ": " + e;
    if (!store.getURLName().getProtocol().startsWith("imap")) {
      LOG.log(
          Level.SEVERE,
          "A bounce failed "
              + ATTEMPTS
              + " times; it stays in the mailbox and is passed over: "
              + about,
          e);
      return;
    }
    try {
      Folder aside = store.getFolder(SET_ASIDE);
      if (!aside.exists() && !aside.create(Folder.HOLDS_MESSAGES)) {
        throw new MessagingException("the folder cannot be created");
      }
      inbox.copyMessages(new Message[] {message}, aside);
      message.setFlag(Flags.Flag.DELETED, true);
      failures.remove(key);
      LOG.log(
          Level.SEVERE,
          "A bounce failed "
              + ATTEMPTS
              + " times and was moved to the folder "
              + SET_ASIDE
              + ": "
              + about,
          e);
    } catch (MessagingException notMoved) {
      LOG.log(
          Level.SEVERE,
          "A bounce failed "
              + ATTEMPTS
              + " times and cannot be moved to the folder "
              + SET_ASIDE
              + " ("
              + notMoved.getMessage()
              + "); it stays in the mailbox and is passed over: "
              + about,
          e);
    }
  }

  /**
   * What tells a message apart from round to round: its IMAP UID (with the folder's UID validity)
   * or its POP3 UIDL, which the server gives each message for as long as it stays; else its {@code
   * Message-ID} and size.
   */
  private static String key(Folder folder, Message message) throws MessagingException {
    if (folder instanceof UIDFolder imap) {
      return "UID " + imap.getUIDValidity() + "/" + imap.getUID(message);
    }
    if (folder instanceof POP3Folder pop3) {
      String uidl = pop3.getUID(message);
      if (uidl != null) {
        return "UIDL " + uidl;
      }
    }
    String[] id = message.getHeader("Message-ID");
    return "Message-ID "
        + (id == null || id.length == 0 ? "(none)" : id[0].strip())
        + ", "
        + message.getSize()
        + " octets";
  }
}
