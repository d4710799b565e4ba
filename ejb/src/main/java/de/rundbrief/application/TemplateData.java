package de.rundbrief.application;

import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingContent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What staff enter for a template; {@code published} counts for shared templates only. */
public record TemplateData(
    @NotBlank(message = "{rundbrief.template.name.required}")
        @Size(max = Mailing.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String name,
    @NotBlank(message = "{rundbrief.mailing.subject.required}")
        @Size(max = MailingContent.SUBJECT_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String subject,
    @Size(max = MailingContent.PREHEADER_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String preheader,
    @Size(max = MailingContent.BODY_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String htmlBody,
    boolean published) {}
