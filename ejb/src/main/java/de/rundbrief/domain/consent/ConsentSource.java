package de.rundbrief.domain.consent;

/** Where a consent event came from. */
public enum ConsentSource {
  /** Rundbrief's hosted subscription form. */
  HOSTED_FORM,
  /** A website's own form through the public JSON endpoint. */
  WEBSITE_FORM,
  /** The link in the confirmation mail. */
  CONFIRMATION_LINK,
  /** The unsubscribe link in a newsletter. */
  UNSUBSCRIBE_LINK,
  /** The subscriber's preference page. */
  PREFERENCES,
  /** A mail program's one-click unsubscribe (RFC 8058). */
  ONE_CLICK,
  /** Staff, on a stated legal basis. */
  STAFF,
  /** A CSV import, on a stated legal basis. */
  IMPORT,
  /** The recipient reported a newsletter as spam to its mail provider (an ARF feedback report). */
  COMPLAINT
}
