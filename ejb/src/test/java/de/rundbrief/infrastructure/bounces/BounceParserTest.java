package de.rundbrief.infrastructure.bounces;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class BounceParserTest {

  private static final VerpAddresses VERP =
      new VerpAddresses("verp key of thirty-two bytes!!!!".getBytes(UTF_8));
  private static final String ADDRESS =
      VERP.encode("bounces@news.example.com", TenantKey.of("nord"), 4711, 815);
  private static final VerpAddresses.Recipient ADA =
      new VerpAddresses.Recipient(TenantKey.of("nord"), 4711, 815);
  private static final Session SESSION = Session.getInstance(new Properties());

  private static final String[] FIXTURES = {
    "dsn-hard.eml",
    "dsn-soft-mailbox-full.eml",
    "dsn-greylisted.eml",
    "postfix-hard.eml",
    "exchange-hard.eml",
    "exchange-legacy-text.eml",
    "auto-reply.eml",
    "arf-complaint.eml",
    "garbage.eml",
    "forged-verp.eml"
  };

  private final BounceParser parser = new BounceParser(VERP);

  @Test
  void aGoogleBounceForAMissingAccountIsHard() {
    BounceReport report = parse(fixture("dsn-hard.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.reason())
        .startsWith("550-5.1.1 The email account that you tried to reach does not exist.")
        .contains("550-5.1.1 double-checking the recipient's email address")
        .doesNotContain("\n");
  }

  @Test
  void aFullMailboxIsSoftThoughItsStatusIsPermanent() {
    BounceReport report = parse(fixture("dsn-soft-mailbox-full.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.SOFT);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.2.2");
    assertThat(report.reason()).isEqualTo("552 5.2.2 <ada@example.org>: Mailbox full, over quota");
  }

  @Test
  void aFullMailboxIsSoftByItsWordingWhenTheStatusIsGeneric() {
    BounceReport report =
        parse(fixture("dsn-soft-mailbox-full.eml").replace("Status: 5.2.2", "Status: 5.0.0"));

    assertThat(report.kind()).isEqualTo(BounceKind.SOFT);
    assertThat(report.status()).isEqualTo("5.0.0");
  }

  @Test
  void aGreylistedDelayIsSoft() {
    BounceReport report = parse(fixture("dsn-greylisted.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.SOFT);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("4.7.1");
    assertThat(report.reason())
        .isEqualTo(
            "450 4.7.1 <ada@example.org>: Recipient address rejected: Greylisted, please try"
                + " again later");
  }

  @Test
  void aPostfixBounceIsHardWithItsDiagnostic() {
    BounceReport report = parse(fixture("postfix-hard.eml"));

    assertThat(report.kind())
        .as("Postfix marks its bounces auto-replied; a DSN is no auto-reply")
        .isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.reason())
        .isEqualTo(
            "550 5.1.1 <ada@example.org>: Recipient address rejected: User unknown in virtual"
                + " mailbox table");
  }

  @Test
  void theRecipientComesFromTheReturnedHeadersWhenTheBounceItselfDoesNotNameIt() {
    String fixture = fixture("postfix-hard.eml");
    int body = fixture.indexOf("\n\n");
    String bounce =
        fixture.substring(0, body).replace(ADDRESS, "bounces@news.example.com")
            + fixture.substring(body).replace("X-Postfix-Sender: rfc822; " + ADDRESS + "\n", "");

    BounceReport report = parse(bounce);

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isEqualTo(ADA);
  }

  @Test
  void anExchangeNdrIsHardWithItsDiagnostic() {
    BounceReport report = parse(fixture("exchange-hard.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.1.10");
    assertThat(report.reason())
        .isEqualTo(
            "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address"
                + " lookup");
  }

  @Test
  void anOldExchangeTextNdrIsHardByItsWording() {
    BounceReport report = parse(fixture("exchange-legacy-text.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.reason())
        .contains("The e-mail account does not exist at the organization")
        .contains("#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##")
        .doesNotContain("did not reach");
  }

  @Test
  void aQmailBounceIsReadFromItsTextAndItsCopyOfTheMessage() {
    String qmail =
        """
        Return-Path: <>
        From: MAILER-DAEMON@mx.example.net
        To: bounces@news.example.com
        Subject: failure notice
        Date: 14 Oct 2024 08:15:41 -0000

        Hi. This is the qmail-send program at mx.example.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <ada@example.org>:
        192.0.2.10 does not like recipient.
        Remote host said: 552 5.2.2 <ada@example.org>: Mailbox full
        Giving up on 192.0.2.10.

        --- Below this line is a copy of the message.

        Return-Path: <{{VERP}}>
        From: Nordlicht Verein <newsletter@news.example.com>
        To: ada@example.org
        Subject: Newsletter Oktober

        Wer sich nicht abmeldet, bekommt im November mehr: user unknown war gestern.
        """;

    BounceReport report = parse(qmail.replace("{{VERP}}", ADDRESS));

    assertThat(report.kind()).isEqualTo(BounceKind.SOFT);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("5.2.2");
    assertThat(report.reason())
        .startsWith("<ada@example.org>: 192.0.2.10 does not like recipient.")
        .contains("552 5.2.2 <ada@example.org>: Mailbox full");
  }

  @Test
  void anOutOfOfficeIsAnAutoReply() {
    BounceReport report = parse(fixture("auto-reply.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.AUTO_REPLY);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isNull();
    assertThat(report.reason()).isEqualTo("Automatische Antwort: Newsletter Oktober");
  }

  @Test
  void anAutoReplyIsKnownByItsSubjectAlone() {
    String reply =
        """
        From: Jeanne <jeanne@example.fr>
        To: %s
        Subject: =?ISO-8859-1?Q?R=E9ponse_automatique_:_Newsletter_Oktober?=

        Je suis absente jusqu'au 25 octobre.
        """
            .formatted(ADDRESS);

    BounceReport report = parse(reply);

    assertThat(report.kind()).isEqualTo(BounceKind.AUTO_REPLY);
    assertThat(report.reason()).isEqualTo("Réponse automatique : Newsletter Oktober");
  }

  @Test
  void anArfReportIsAComplaintAboutTheRecipientOfTheReportedMessage() {
    BounceReport report = parse(fixture("arf-complaint.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.COMPLAINT);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isNull();
    assertThat(report.reason()).isEqualTo("Feedback-Type: abuse; User-Agent: SomeFBL/1.0");
  }

  @Test
  void anAuthenticationFailureReportIsNoComplaint() {
    BounceReport report =
        parse(
            fixture("arf-complaint.eml")
                .replace("Feedback-Type: abuse", "Feedback-Type: auth-failure"));

    assertThat(report.kind()).isEqualTo(BounceKind.UNKNOWN);
    assertThat(report.reason()).startsWith("Feedback-Type: auth-failure");
  }

  @Test
  void spamToTheBounceAddressIsUnknownAndAboutNobody() {
    BounceReport report = parse(fixture("garbage.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.UNKNOWN);
    assertThat(report.recipient()).isNull();
    assertThat(report.status()).isNull();
    assertThat(report.reason()).startsWith("Nur heute: 50 % Rabatt");
  }

  @Test
  void aBounceWithAForgedVerpIsAboutNobody() {
    BounceReport report = parse(fixture("forged-verp.eml"));

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.recipient()).isNull();
    assertThat(report.status()).isEqualTo("5.1.1");
    assertThat(report.reason()).isEqualTo("550 5.1.1 <ada@example.org>... User unknown");
  }

  @Test
  void aDeliveryReportForASuccessIsNoBounce() {
    BounceReport report =
        parse(
            fixture("postfix-hard.eml")
                .replace("Action: failed", "Action: delivered")
                .replace("Status: 5.1.1", "Status: 2.0.0")
                .replaceAll(
                    "Diagnostic-Code: [^\\n]*\\n[^\\n]*\\n",
                    "Diagnostic-Code: smtp; 250 2.0.0 Ok\n"));

    assertThat(report.kind()).isEqualTo(BounceKind.UNKNOWN);
    assertThat(report.recipient()).isEqualTo(ADA);
    assertThat(report.status()).isEqualTo("2.0.0");
  }

  @Test
  void aLongDiagnosticIsCut() {
    BounceReport report =
        parse(
            fixture("postfix-hard.eml")
                .replace("User unknown in virtual", "User unknown " + "x".repeat(2000)));

    assertThat(report.kind()).isEqualTo(BounceKind.HARD);
    assertThat(report.reason()).hasSize(BounceReport.MAX_REASON).endsWith("…");
  }

  @ParameterizedTest
  @FieldSource("FIXTURES")
  void crlfAndLfLineEndsReadTheSame(String name) {
    String lf = fixture(name).replace("\r\n", "\n");

    assertThat(parse(lf.replace("\n", "\r\n"))).isEqualTo(parse(lf));
  }

  @Test
  void messagesReadOverImapGiveTheSameReports() throws Exception {
    GreenMail imap = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    imap.start();
    try {
      GreenMailUser mailbox = imap.setUser("bounces@news.example.com", "bounces", "secret");
      for (String name : FIXTURES) {
        mailbox.deliver(message(fixture(name)));
      }
      Store store = imap.getImap().createStore();
      store.connect("bounces", "secret");
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      Message[] messages = inbox.getMessages();

      assertThat(messages).hasSize(FIXTURES.length);
      for (int i = 0; i < messages.length; i++) {
        assertThat(parser.parse((MimeMessage) messages[i]))
            .as(FIXTURES[i])
            .isEqualTo(parse(fixture(FIXTURES[i])));
      }
      inbox.close(false);
      store.close();
    } finally {
      imap.stop();
    }
  }

  @Test
  void aMessageThatCannotBeReadIsUnknown() {
    MimeMessage closed =
        new MimeMessage(SESSION) {
          @Override
          public String getContentType() throws MessagingException {
            throw new MessagingException("the folder was closed");
          }

          @Override
          public String[] getHeader(String name) throws MessagingException {
            throw new MessagingException("the folder was closed");
          }

          @Override
          public InputStream getInputStream() throws MessagingException {
            throw new MessagingException("the folder was closed");
          }
        };

    BounceReport report = parser.parse(closed);

    assertThat(report.kind()).isEqualTo(BounceKind.UNKNOWN);
    assertThat(report.recipient()).isNull();
    assertThat(report.reason()).startsWith("unreadable: ").contains("the folder was closed");
  }

  @Test
  void randomBytesAreUnknownAndNeverThrow() {
    byte[] noise = new byte[4096];
    new Random(815).nextBytes(noise);

    assertThat(parse(new String(noise, UTF_8)).kind()).isEqualTo(BounceKind.UNKNOWN);
    assertThat(parser.parse(null).reason()).startsWith("unreadable: ");
  }

  private BounceReport parse(String text) {
    return parser.parse(message(text));
  }

  private static MimeMessage message(String text) {
    try {
      return new MimeMessage(SESSION, new ByteArrayInputStream(text.getBytes(UTF_8)));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String fixture(String name) {
    try (InputStream in = BounceParserTest.class.getResourceAsStream("/bounces/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), UTF_8).replace("{{VERP}}", ADDRESS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
