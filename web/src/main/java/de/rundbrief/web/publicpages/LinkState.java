package de.rundbrief.web.publicpages;

/** Where a visitor who opened a link from a mail stands. */
public enum LinkState {
  /** The link is good; the page asks the visitor to press the button. */
  READY,
  /** Nothing left to do: already confirmed, or no longer on the list. */
  ALREADY,
  /** Done by pressing the button. */
  DONE,
  /** The link has expired. */
  EXPIRED,
  /** The link is damaged, forged or leads to something that no longer exists. */
  INVALID
}
