package de.rundbrief.application;

import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.tenant.TenantKey;
import jakarta.ejb.Local;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;

/**
 * What the public does without signing in: subscribe through a form, confirm, unsubscribe and
 * manage their lists through the links in mails. Every method answers a deactivated or unknown
 * tenant, an internal list and a foreign record alike: not found.
 */
@Local
public interface ConsentService {

  /** The least time a person takes to fill in a subscription form. */
  Duration MIN_FILL_TIME = Duration.ofSeconds(3);

  /**
   * A public list as its subscription form shows it.
   *
   * @throws de.rundbrief.domain.mailinglist.MailingListNotFoundException if the tenant has no
   *     public list with this id, or it has no consent text
   */
  PublicListView publicList(@NotNull TenantKey tenant, long listId);

  /**
   * The token a subscription form sends back with its data; it records when the form was fetched.
   */
  String formToken(@NotNull TenantKey tenant, long listId);

  /**
   * Someone asks to join a public list. A double opt-in list (and any list for an address on the
   * suppression list) gets a pending subscription and a confirmation mail; a single opt-in list
   * subscribes at once. What happens is not revealed to the caller: the answer for an address
   * already subscribed is the same as for a new one. A confirmation mail goes out at most once in
   * ten minutes, so the form cannot bomb a mailbox.
   *
   * @throws de.rundbrief.domain.consent.ConsentTextChangedException if the form showed an older
   *     consent text than the list has now
   * @throws de.rundbrief.domain.consent.FormTooFastException if the form came back within {@link
   *     #MIN_FILL_TIME} of being fetched
   * @throws de.rundbrief.domain.consent.InvalidTokenException if the form token is not one of this
   *     list's, or older than a day
   */
  void subscribe(
      @NotNull TenantKey tenant, long listId, @NotNull @Valid SubscriptionRequest request);

  /**
   * Opens a token from a link.
   *
   * @throws de.rundbrief.domain.consent.InvalidTokenException if it is forged, altered or expired
   */
  ConsentToken readToken(String sealed);

  /**
   * What a link is about, for its page.
   *
   * @param purpose what the page is for; a token made for anything else is not valid there
   * @throws de.rundbrief.domain.consent.InvalidTokenException for a token of another purpose
   */
  LinkView describe(@NotNull ConsentToken token, @NotNull TokenPurpose purpose);

  /**
   * Confirms the pending subscription of a confirmation link. A second click changes nothing.
   *
   * @return whether the subscription was confirmed by this call
   */
  boolean confirm(@NotNull ConsentToken token, String ipAddress);

  /**
   * Leaves the list of an unsubscribe link.
   *
   * @return whether the subscription ended by this call
   */
  boolean unsubscribe(@NotNull ConsentToken token, @NotNull ConsentSource source, String ipAddress);

  /**
   * The subscriber's own unsubscribe token for the list of a confirmation link, so that the page
   * that confirms can offer the preference page at once.
   */
  String unsubscribeToken(@NotNull ConsentToken token);

  /** The lists of the link's subscriber in the tenant, for the preference page. */
  PreferencesView preferences(@NotNull ConsentToken token);

  /** Stays on the lists named and leaves all others the subscriber is on. */
  void keepOnly(@NotNull ConsentToken token, @NotNull Set<Long> listIds, String ipAddress);
}
