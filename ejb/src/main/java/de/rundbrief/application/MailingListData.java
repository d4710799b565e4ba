package de.rundbrief.application;

import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Visibility;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff enter for a list. */
public record MailingListData(
    @NotBlank(message = "{rundbrief.list.name.required}")
        @Size(max = MailingList.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        String name,
    @Size(
            max = MailingList.DESCRIPTION_MAX_LENGTH,
            message = "{rundbrief.list.description.too-long}")
        String description,
    @NotNull(message = "{rundbrief.list.visibility.required}") Visibility visibility,
    @NotNull(message = "{rundbrief.list.opt-in.required}") OptInMode optInMode,
    @Size(
            max = MailingList.CONSENT_TEXT_MAX_LENGTH,
            message = "{rundbrief.list.consent-text.too-long}")
        String consentText) {}
