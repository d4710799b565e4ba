package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/**
 * Reads one message from the bounce mailbox: an RFC 3464 delivery status notification, an RFC 5965
 * feedback report (a complaint), an RFC 3834 automatic reply, or one of the free-text bounces that
 * old Exchange servers, qmail and others still send. The recipient comes only from a VERP address
 * that {@link VerpAddresses} believes, so a forged bounce marks nobody. Never throws: a message
 * that cannot be read is {@link BounceKind#UNKNOWN}, with the reason why.
 */
public final class BounceParser {

  /** Where the VERP address shows as the bounce reaches the mailbox, in order of trust. */
  private static final List<String> RECIPIENT_HEADERS =
      List.of("X-Original-To", "Delivered-To", "Envelope-To", "X-Envelope-To", "To", "Return-Path");

  private static final int MAX_DEPTH = 8;
  private static final int MAX_PARTS = 64;
  private static final int MAX_TEXT_BYTES = 256 * 1024;

  private static final Set<String> NOT_A_BOUNCE = Set.of("delivered", "relayed", "expanded");
  private static final Set<String> NOT_A_COMPLAINT = Set.of("not-spam", "auth-failure");

  private static final Pattern VERP_CANDIDATE =
      Pattern.compile(
          "[\\w.!#$%&*+/=?^{|}~-]+\\+rb\\.[\\w.-]+@[\\w.-]*\\w", Pattern.CASE_INSENSITIVE);
  private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
  private static final Pattern FAILURE_STATUS =
      Pattern.compile("(?<![\\w.])[45]\\.\\d{1,3}\\.\\d{1,3}(?!\\w|\\.\\d)");
  private static final Pattern SMTP_CODE =
      Pattern.compile("(?<![\\w.:-])(?<!port )([45]\\d\\d)(?=[ -]|$)", Pattern.MULTILINE);
  private static final Pattern DIAGNOSTIC_TYPE =
      Pattern.compile("^[a-z][\\w-]*\\s*;\\s*", Pattern.CASE_INSENSITIVE);

  private static final Pattern STILL_TEMPORARY =
      Pattern.compile(
          "(?<![\\w.])[45]\\.2\\.2(?!\\w|\\.\\d)|quota|mailbox (?:is )?full|insufficient storage"
              + "|exceeded storage|gr[ae]ylist",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HARD_PHRASES =
      Pattern.compile(
          "user unknown|no such user|does not exist|unknown user|recipient not found"
              + "|address rejected|mailbox unavailable|recipnotfound|recipientnotfound"
              + "|invalid recipient|account has been disabled|account is disabled"
              + "|permanent (?:error|failure)|user not found|mailbox not found"
              + "|no such (?:mailbox|address|recipient)|benutzer unbekannt|existiert nicht",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern SOFT_PHRASES =
      Pattern.compile(
          "mailbox full|over quota|quota exceeded|temporar|try again later|gr[ae]ylist"
              + "|delivery has been delayed|will (?:continue to )?retry|warning message only",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern FAILURE_FROM =
      Pattern.compile("mailer-daemon|postmaster|mail delivery", Pattern.CASE_INSENSITIVE);
  private static final Pattern FAILURE_SUBJECT =
      Pattern.compile(
          "undeliver|delivery status notification|failure notice|unzustellbar|nicht zustellbar"
              + "|returned mail|mail delivery failed|delivery failure|delivery has failed"
              + "|could not be delivered|returning message to sender|non remis",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTO_REPLY_SUBJECT =
      Pattern.compile(
          "^(?:(?:re|aw|wg|fw|fwd)\\s*:\\s*)*(?:automatic reply|automatische antwort"
              + "|auto[ -]?reply|auto[ -]?response|auto\\s*:|abwesenheitsnotiz|abwesend"
              + "|réponse automatique|risposta automatica|respuesta automática"
              + "|automatisch antwoord)|out of (?:the )?office",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Where a free-text bounce starts quoting the returned message. */
  private static final Pattern COPY_MARKER =
      Pattern.compile(
          "^\\s*(?:-{2,}\\s*(?:below this line is a copy of the message|this is a copy of the"
              + " message|original message|forwarded message)|original message headers:)",
          Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

  private final VerpAddresses verp;

  public BounceParser(VerpAddresses verp) {
    this.verp = Objects.requireNonNull(verp, "verp");
  }

  /** What the message says; {@link BounceKind#UNKNOWN} for anything unreadable or unrelated. */
  public BounceReport parse(MimeMessage message) {
    try {
      return read(message);
    } catch (MessagingException | IOException | RuntimeException e) {
      String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
      return new BounceReport(
          BounceKind.UNKNOWN, null, null, "unreadable: " + e.getClass().getSimpleName() + detail);
    }
  }

  private BounceReport read(MimeMessage message) throws MessagingException, IOException {
    Contents contents = new Contents();
    collect(message, contents, 0);
    VerpAddresses.Recipient recipient = recipient(message, contents);
    String subject = normalise(message.getSubject());
    BounceReport unknown = new BounceReport(BounceKind.UNKNOWN, recipient, null, subject);

    if (contents.feedbackReport != null) {
      return complaint(contents.feedbackReport, recipient);
    }
    if (contents.deliveryStatus != null) {
      return deliveryStatus(contents.deliveryStatus, recipient)
          .or(() -> freeText(contents, recipient))
          .orElse(unknown);
    }
    if (FAILURE_FROM.matcher(decoded(message.getHeader("From", ", "))).find()) {
      return freeText(contents, recipient).orElse(unknown);
    }
    if (isAutoReply(message, subject)) {
      return new BounceReport(BounceKind.AUTO_REPLY, recipient, null, subject);
    }
    if (FAILURE_SUBJECT.matcher(subject).find()) {
      return freeText(contents, recipient).orElse(unknown);
    }
    return unknown;
  }

  /** The parts that matter, without descending into the returned original message. */
  private static void collect(Part part, Contents contents, int depth)
      throws MessagingException, IOException {
    if (depth > MAX_DEPTH || ++contents.parts > MAX_PARTS) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = multipart(part);
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), contents, depth + 1);
      }
    } else if (part.isMimeType("message/delivery-status")
        || part.isMimeType("message/global-delivery-status")) {
      if (contents.deliveryStatus == null) {
        contents.deliveryStatus = text(part);
      }
    } else if (part.isMimeType("message/feedback-report")) {
      if (contents.feedbackReport == null) {
        contents.feedbackReport = text(part);
      }
    } else if (part.isMimeType("message/rfc822")
        || part.isMimeType("message/global")
        || part.isMimeType("text/rfc822-headers")
        || part.isMimeType("message/global-headers")) {
      try (InputStream in = part.getInputStream()) {
        contents.originals.add(new InternetHeaders(in));
      }
    } else if (part.isMimeType("text/plain")) {
      contents.plain.add(text(part));
    } else if (part.isMimeType("text/html")) {
      contents.html.add(text(part));
    }
  }

  private static Multipart multipart(Part part) throws MessagingException, IOException {
    Object content = part.getContent();
    if (content instanceof Multipart multipart) {
      return multipart;
    }
    if (part instanceof MimePart mime) {
      return new MimeMultipart(new MimePartDataSource(mime));
    }
    throw new MessagingException("multipart without parts: " + part.getContentType());
  }

  /** The raw text of a part, whatever object a content handler would make of it. */
  private static String text(Part part) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readNBytes(MAX_TEXT_BYTES);
    }
    return new String(bytes, charset(part)).replace("\r\n", "\n").replace('\r', '\n');
  }

  private static Charset charset(Part part) throws MessagingException {
    String type = part.getContentType();
    if (type != null) {
      try {
        String name = new ContentType(type).getParameter("charset");
        if (name != null) {
          return Charset.forName(MimeUtility.javaCharset(name.strip()));
        }
      } catch (MessagingException | IllegalArgumentException unknownCharset) {
        return StandardCharsets.UTF_8;
      }
    }
    return StandardCharsets.UTF_8;
  }

  private VerpAddresses.Recipient recipient(MimeMessage message, Contents contents)
      throws MessagingException {
    for (String name : RECIPIENT_HEADERS) {
      Optional<VerpAddresses.Recipient> found = verpIn(message.getHeader(name));
      if (found.isPresent()) {
        return found.get();
      }
    }
    for (InternetHeaders original : contents.originals) {
      Optional<VerpAddresses.Recipient> found = verpIn(original.getHeader("Return-Path"));
      if (found.isPresent()) {
        return found.get();
      }
    }
    List<String> texts = new ArrayList<>();
    texts.add(contents.deliveryStatus);
    texts.add(contents.feedbackReport);
    for (InternetHeaders original : contents.originals) {
      texts.add(String.join("\n", Collections.list(original.getAllHeaderLines())));
    }
    texts.addAll(contents.plain);
    texts.addAll(contents.html);
    return verpIn(texts.toArray(String[]::new)).orElse(null);
  }

  private Optional<VerpAddresses.Recipient> verpIn(String... values) {
    if (values == null) {
      return Optional.empty();
    }
    for (String value : values) {
      if (value == null) {
        continue;
      }
      Matcher candidate = VERP_CANDIDATE.matcher(value);
      while (candidate.find()) {
        Optional<VerpAddresses.Recipient> recipient = verp.decode(candidate.group());
        if (recipient.isPresent()) {
          return recipient;
        }
      }
    }
    return Optional.empty();
  }

  private static BounceReport complaint(String report, VerpAddresses.Recipient recipient) {
    Map<String, String> fields = blocks(report).stream().findFirst().orElse(Map.of());
    String type = fields.get("feedback-type");
    String agent = fields.get("user-agent");
    String reason =
        (type == null ? "feedback report" : "Feedback-Type: " + type)
            + (agent == null ? "" : "; User-Agent: " + agent);
    boolean complaint =
        type == null || !NOT_A_COMPLAINT.contains(type.strip().toLowerCase(Locale.ROOT));
    return new BounceReport(
        complaint ? BounceKind.COMPLAINT : BounceKind.UNKNOWN, recipient, null, reason);
  }

  /** RFC 3464: the worst per-recipient block decides; empty if none says anything usable. */
  private static Optional<BounceReport> deliveryStatus(
      String report, VerpAddresses.Recipient recipient) {
    Map<String, String> chosen = null;
    int chosenRank = Integer.MAX_VALUE;
    for (Map<String, String> block : blocks(report)) {
      if (!block.containsKey("action") && !block.containsKey("status")) {
        continue;
      }
      String action = lower(block.get("action"));
      int rank = "failed".equals(action) ? 0 : "delayed".equals(action) ? 1 : 2;
      if (rank < chosenRank) {
        chosen = block;
        chosenRank = rank;
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    String action = lower(chosen.get("action"));
    String diagnostic = diagnostic(chosen.get("diagnostic-code"));
    String status = firstMatch(STATUS, chosen.get("status"));
    if (status == null) {
      status = firstMatch(FAILURE_STATUS, diagnostic);
    }
    BounceKind kind = deliveryKind(action, status, diagnostic == null ? "" : diagnostic);
    if (kind == null) {
      return Optional.empty();
    }
    String reason = diagnostic != null ? diagnostic : status;
    return Optional.of(new BounceReport(kind, recipient, status, reason));
  }

  private static BounceKind deliveryKind(String action, String status, String diagnostic) {
    if (action != null && NOT_A_BOUNCE.contains(action)) {
      return BounceKind.UNKNOWN;
    }
    char statusClass = status == null ? '?' : status.charAt(0);
    if ("delayed".equals(action) || statusClass == '4') {
      return BounceKind.SOFT;
    }
    if (statusClass == '5') {
      return stillTemporary(status, diagnostic) ? BounceKind.SOFT : BounceKind.HARD;
    }
    if (!"failed".equals(action) || statusClass == '2') {
      return null;
    }
    String smtp = firstMatch(SMTP_CODE, diagnostic);
    if (smtp != null && smtp.startsWith("4") || stillTemporary(null, diagnostic)) {
      return BounceKind.SOFT;
    }
    return BounceKind.HARD;
  }

  /** Mailbox full or greylisted: temporary, whatever class the status code claims. */
  private static boolean stillTemporary(String status, String text) {
    return "5.2.2".equals(status) || STILL_TEMPORARY.matcher(text).find();
  }

  /** A bounce without a delivery-status part: the paragraph with the best evidence decides. */
  private static Optional<BounceReport> freeText(
      Contents contents, VerpAddresses.Recipient recipient) {
    List<String> texts =
        contents.plain.isEmpty()
            ? contents.html.stream().map(BounceParser::htmlText).toList()
            : contents.plain;
    List<String> paragraphs = new ArrayList<>();
    for (String text : texts) {
      Matcher copy = COPY_MARKER.matcher(text);
      String own = copy.find() ? text.substring(0, copy.start()) : text;
      for (String paragraph : own.split("\n[ \t]*\n")) {
        if (!paragraph.isBlank()) {
          paragraphs.add(paragraph);
        }
      }
    }
    String chosen =
        first(paragraphs, p -> FAILURE_STATUS.matcher(p).find())
            .or(() -> first(paragraphs, p -> SMTP_CODE.matcher(p).find()))
            .or(
                () ->
                    first(
                        paragraphs,
                        p -> HARD_PHRASES.matcher(p).find() || SOFT_PHRASES.matcher(p).find()))
            .orElse(null);
    if (chosen == null) {
      return Optional.empty();
    }
    String status = firstMatch(FAILURE_STATUS, chosen);
    return Optional.of(
        new BounceReport(textKind(chosen, status), recipient, status, collapse(chosen)));
  }

  private static BounceKind textKind(String paragraph, String status) {
    if (stillTemporary(status, paragraph)) {
      return BounceKind.SOFT;
    }
    if (status != null) {
      return status.startsWith("5") ? BounceKind.HARD : BounceKind.SOFT;
    }
    String smtp = firstMatch(SMTP_CODE, paragraph);
    if (smtp != null) {
      return smtp.startsWith("5") ? BounceKind.HARD : BounceKind.SOFT;
    }
    return HARD_PHRASES.matcher(paragraph).find() ? BounceKind.HARD : BounceKind.SOFT;
  }

  private static boolean isAutoReply(MimeMessage message, String subject)
      throws MessagingException {
    String submitted = lower(message.getHeader("Auto-Submitted", null));
    if (submitted != null) {
      String value = submitted.split("[;(]", 2)[0].strip();
      if (!value.isEmpty() && !"no".equals(value)) {
        return true;
      }
    }
    if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
      return true;
    }
    return "auto_reply".equals(lower(message.getHeader("Precedence", null)))
        || AUTO_REPLY_SUBJECT.matcher(subject).find();
  }

  /**
   * Fields of the header-like blocks of a report, blank-line separated; names in lower case, the
   * first of repeated fields kept, continuation lines joined.
   */
  private static List<Map<String, String>> blocks(String report) {
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    String field = null;
    for (String line : report.split("\n")) {
      if (line.isBlank()) {
        if (!block.isEmpty()) {
          blocks.add(block);
          block = new LinkedHashMap<>();
        }
        field = null;
      } else if (Character.isWhitespace(line.charAt(0))) {
        if (field != null) {
          block.merge(field, line.strip(), (value, more) -> value + " " + more);
        }
      } else {
        int colon = line.indexOf(':');
        String name = colon > 0 ? line.substring(0, colon).strip().toLowerCase(Locale.ROOT) : null;
        field = name == null || block.containsKey(name) ? null : name;
        if (field != null) {
          block.put(field, line.substring(colon + 1).strip());
        }
      }
    }
    if (!block.isEmpty()) {
      blocks.add(block);
    }
    return blocks;
  }

  private static String diagnostic(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    return collapse(DIAGNOSTIC_TYPE.matcher(code.strip()).replaceFirst(""));
  }

  private static String htmlText(String html) {
    String text =
        html.replaceAll("(?is)<(script|style)\\b.*?</\\1\\s*>", " ")
            .replaceAll("(?i)<br\\s*/?>|</(?:p|div|tr|li|table|h[1-6])\\s*>", "\n\n")
            .replaceAll("(?s)<[^>]*>", " ");
    return Parser.unescapeEntities(text, false);
  }

  private static String decoded(String header) {
    if (header == null) {
      return "";
    }
    try {
      return MimeUtility.decodeText(MimeUtility.unfold(header));
    } catch (UnsupportedEncodingException unknownCharset) {
      return header;
    }
  }

  private static String normalise(String subject) {
    return subject == null ? "" : collapse(Normalizer.normalize(subject, Normalizer.Form.NFC));
  }

  private static String collapse(String text) {
    return text.strip().replaceAll("\\s+", " ");
  }

  private static String lower(String value) {
    return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
  }

  private static String firstMatch(Pattern pattern, String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      return null;
    }
    return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
  }

  private static Optional<String> first(List<String> paragraphs, Predicate<String> test) {
    return paragraphs.stream().filter(test).findFirst();
  }

  /** What a walk through the message found. */
  private static final class Contents {
    private int parts;
    private String deliveryStatus;
    private String feedbackReport;
    private final List<InternetHeaders> originals = new ArrayList<>();
    private final List<String> plain = new ArrayList<>();
    private final List<String> html = new ArrayList<>();
  }
}
