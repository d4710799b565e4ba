package de.rundbrief.infrastructure.sending;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

/** The exceptions as Jakarta Mail (Angus, as in Payara) throws them for each kind of reply. */
class SmtpReplyTest {

  @Test
  void rejectedRecipientFailsForGoodWithTheServersWords() throws Exception {
    SMTPAddressFailedException rejected =
        new SMTPAddressFailedException(
            new InternetAddress("nobody@example.org"),
            "RCPT TO:<nobody@example.org>",
            550,
            "550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown\n");
    SendFailedException thrown =
        new SendFailedException("Invalid Addresses", rejected, null, null, null);

    SmtpReply reply = SmtpReply.of(thrown);

    assertThat(reply.kind()).isEqualTo(SmtpReply.Kind.PERMANENT);
    assertThat(reply.text())
        .isEqualTo("550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown");
  }

  @Test
  void greylistingIsTriedAgain() throws Exception {
    SMTPAddressFailedException later =
        new SMTPAddressFailedException(
            new InternetAddress("a@example.org"),
            "RCPT TO:<a@example.org>",
            451,
            "451 4.7.1 Greylisted, please try again later\n");

    SmtpReply reply =
        SmtpReply.of(new SendFailedException("Invalid Addresses", later, null, null, null));

    assertThat(reply.kind()).isEqualTo(SmtpReply.Kind.TEMPORARY);
    assertThat(reply.text()).startsWith("451 4.7.1");
  }

  @Test
  void refusedMessageDataIsPermanent() {
    SMTPSendFailedException refused =
        new SMTPSendFailedException(
            "DATA", 554, "554 5.6.0 Message rejected as spam\n", null, null, null, null);

    assertThat(SmtpReply.of(refused).kind()).isEqualTo(SmtpReply.Kind.PERMANENT);
  }

  @Test
  void aServerThatIsDownOrALostConnectionIsNoAttempt() {
    MessagingException down =
        new MessagingException(
            "Couldn't connect to host, port: localhost, 2525; timeout -1",
            new ConnectException("Connection refused"));
    MessagingException lost =
        new MessagingException(
            "Can't send command to SMTP host", new SocketException("Broken pipe"));

    SMTPSendFailedException hungUp =
        new SMTPSendFailedException("DATA", -1, "[EOF]", null, null, null, null);

    assertThat(SmtpReply.of(down).kind()).isEqualTo(SmtpReply.Kind.CONNECTION);
    assertThat(SmtpReply.of(hungUp).kind()).isEqualTo(SmtpReply.Kind.CONNECTION);
    assertThat(SmtpReply.of(lost).kind()).isEqualTo(SmtpReply.Kind.CONNECTION);
  }
}
