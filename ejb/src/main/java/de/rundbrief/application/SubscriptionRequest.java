package de.rundbrief.application;

import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * What someone enters on a public subscription form, with where it came from.
 *
 * @param consentTextVersion the version of the list's consent text the form showed
 * @param formToken the token handed out with the form ({@link ConsentService#formToken})
 * @param ipAddress the address the request came from, kept as consent proof
 * @param locale the language of the form, used for the confirmation mail
 */
public record SubscriptionRequest(
    @NotBlank(message = "{rundbrief.email.required}")
        @Size(max = EmailAddress.MAX_LENGTH, message = "{rundbrief.email.invalid}")
        @Pattern(
            regexp = "\\s*" + EmailAddress.PATTERN + "\\s*",
            message = "{rundbrief.email.invalid}")
        String email,
    @Size(max = Subscriber.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        @Pattern(regexp = Subscriber.NAME_PATTERN, message = "{rundbrief.name.invalid}")
        String firstName,
    @Size(max = Subscriber.NAME_MAX_LENGTH, message = "{rundbrief.name.too-long}")
        @Pattern(regexp = Subscriber.NAME_PATTERN, message = "{rundbrief.name.invalid}")
        String lastName,
    @NotNull(message = "{rundbrief.consent.version.required}") Integer consentTextVersion,
    @NotBlank(message = "{rundbrief.form-token.required}") @Size(max = 512) String formToken,
    @NotNull ConsentSource source,
    @Size(max = 45) String ipAddress,
    Locale locale) {}
