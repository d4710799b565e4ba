package de.rundbrief.domain.tracking;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Tells opens and clicks that machines made from those of readers, so that open and click rates
 * count people. Mail security gateways follow every link of a mail right after delivery, link
 * checkers and previewers fetch what they find, and Apple Mail Privacy Protection loads every pixel
 * on Apple's servers whether the mail is read or not.
 *
 * <p>An event is a machine's when any of these holds:
 *
 * <ul>
 *   <li>the request is a {@code HEAD}: browsers and mail clients fetch, checkers only ask;
 *   <li>there is no User-Agent, or an empty one;
 *   <li>the User-Agent names a bot, crawler, spider, previewer, scanner, mail security gateway
 *       (Barracuda, Mimecast, Proofpoint, Symantec, Trend Micro, MessageLabs), HTTP library or
 *       headless browser, or is Microsoft Office's protocol or existence discovery; see {@link
 *       #MACHINE_AGENTS}. "bot" in a phone's model name (Cubot) does not count;
 *   <li>an open comes from Apple's network 17.0.0.0/8 or with the bare User-Agent {@code
 *       Mozilla/5.0}: Apple Mail Privacy Protection;
 *   <li>a click within {@link #CLICK_SCANNER_WINDOW} of sending: scanners follow links on delivery;
 *   <li>an open within {@link #OPEN_SCANNER_WINDOW} of sending.
 * </ul>
 *
 * <p>Not machines: Gmail's {@code GoogleImageProxy}, which fetches images when the reader opens the
 * mail, and Outlook, whose image requests say {@code Microsoft Outlook} or {@code ms-office}.
 */
public final class MachineRules {

  /** Clicks sooner than this after sending are security scanners following every link. */
  public static final Duration CLICK_SCANNER_WINDOW = Duration.ofSeconds(10);

  /** Opens sooner than this after sending are machines loading the pixel on delivery. */
  public static final Duration OPEN_SCANNER_WINDOW = Duration.ofSeconds(2);

  /** Apple's network, from which Apple Mail Privacy Protection loads pixels. */
  public static final String APPLE_PROXY_NETWORK = "17.0.0.0/8";

  /** Apple Mail Privacy Protection's User-Agent for pixel loads. */
  public static final String APPLE_PROXY_AGENT = "Mozilla/5.0";

  /** Parts of User-Agents, in lower case, that only machines send. */
  public static final List<String> MACHINE_AGENTS =
      List.of(
          "bot",
          "crawler",
          "spider",
          "preview",
          "scanner",
          "python-requests",
          "python-urllib",
          "curl/",
          "wget/",
          "go-http-client",
          "java/",
          "okhttp",
          "apache-httpclient",
          "libwww-perl",
          "headlesschrome",
          "phantomjs",
          "barracuda",
          "mimecast",
          "proofpoint",
          "symantec",
          "trendmicro",
          "trend micro",
          "messagelabs",
          "microsoft office protocol discovery",
          "microsoft office existence discovery");

  /** Phones whose model name contains "bot". */
  private static final List<String> HUMAN_AGENTS_WITH_BOT = List.of("cubot");

  private MachineRules() {}

  /**
   * @param method the HTTP method of the request
   * @param userAgent the request's User-Agent, if any
   * @param ip the client's address, if known
   * @param sinceSent the time between sending the mail to this recipient and the event; {@code
   *     null} if unknown. A negative value (clocks apart) counts as right after sending.
   */
  public static boolean isMachine(
      TrackingKind kind, String method, String userAgent, String ip, Duration sinceSent) {
    Objects.requireNonNull(kind, "kind");
    if ("HEAD".equalsIgnoreCase(method == null ? null : method.strip())) {
      return true;
    }
    if (userAgent == null || userAgent.isBlank()) {
      return true;
    }
    if (isMachineAgent(userAgent)) {
      return true;
    }
    if (kind == TrackingKind.OPEN) {
      if (APPLE_PROXY_AGENT.equals(userAgent.strip())) {
        return true;
      }
      if (IpAddresses.isIpv4In(ip, APPLE_PROXY_NETWORK)) {
        return true;
      }
    }
    return sinceSent != null && soonAfterSending(kind, sinceSent);
  }

  /**
   * Whether an open or click came so soon after sending that only a mail scanner can have made it:
   * within {@link #CLICK_SCANNER_WINDOW} for a click, {@link #OPEN_SCANNER_WINDOW} for an open.
   */
  public static boolean soonAfterSending(TrackingKind kind, Duration sinceSent) {
    Duration window = kind == TrackingKind.CLICK ? CLICK_SCANNER_WINDOW : OPEN_SCANNER_WINDOW;
    return sinceSent.compareTo(window) < 0;
  }

  private static boolean isMachineAgent(String userAgent) {
    String agent = userAgent.toLowerCase(Locale.ROOT);
    for (String part : MACHINE_AGENTS) {
      if (agent.contains(part) && !(part.equals("bot") && isHumanWithBot(agent))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHumanWithBot(String agent) {
    String rest = agent;
    for (String human : HUMAN_AGENTS_WITH_BOT) {
      rest = rest.replace(human, "");
    }
    return !rest.contains("bot");
  }
}
