package de.rundbrief.application;

import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import de.rundbrief.domain.mailing.SenderIdentity;
import de.rundbrief.domain.subscriber.EmailAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * What staff (or an integration) enter for a mailing. Sender and reply-to left empty take the
 * tenant's settings; a plain text left empty is generated from the HTML.
 *
 * @param language {@code null} on a change keeps the mailing's; a new mailing's is {@code de}
 * @param tracking {@code null} on a change keeps the mailing's; a new mailing is tracked (as the
 *     tenant's setting says)
 */
public record MailingData(
    @NotBlank(message = "{rundbrief.mailing.name.required}")
        @Size(max = Mailing.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String name,
    @NotBlank(message = "{rundbrief.mailing.subject.required}")
        @Size(max = MailingContent.SUBJECT_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String subject,
    @Size(max = MailingContent.PREHEADER_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String preheader,
    @Size(max = SenderIdentity.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String senderName,
    @Size(max = EmailAddress.MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String senderAddress,
    @Size(max = EmailAddress.MAX_LENGTH, message = "{rundbrief.name.too-long}") String replyTo,
    @Size(min = 1, message = "{rundbrief.mailing.language.required}") String language,
    @Size(max = MailingContent.BODY_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String htmlBody,
    @Size(max = MailingContent.BODY_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String textBody,
    Set<Long> listIds,
    Set<Long> segmentIds,
    Boolean tracking) {

  /** A mailing whose opens and clicks are tracked as the tenant's setting says. */
  public MailingData(
      String name,
      String subject,
      String preheader,
      String senderName,
      String senderAddress,
      String replyTo,
      String language,
      String htmlBody,
      String textBody,
      Set<Long> listIds,
      Set<Long> segmentIds) {
    this(
        name,
        subject,
        preheader,
        senderName,
        senderAddress,
        replyTo,
        language,
        htmlBody,
        textBody,
        listIds,
        segmentIds,
        true);
  }

  public MailingData {
    listIds = listIds == null ? Set.of() : Set.copyOf(listIds);
    segmentIds = segmentIds == null ? Set.of() : Set.copyOf(segmentIds);
  }
}
