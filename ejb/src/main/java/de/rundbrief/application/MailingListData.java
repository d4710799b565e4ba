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
    @Size(max = 2000, message = "{rundbrief.name.too-long}") String description,
    @NotNull(message = "{rundbrief.list.visibility.required}") Visibility visibility,
    @NotNull(message = "{rundbrief.list.opt-in.required}") OptInMode optInMode) {}
