package de.rundbrief.domain.importing;

/** What an import does with a row whose address the tenant already has. */
public enum ExistingSubscribers {
  /** Leave the subscriber and its subscriptions as they are. */
  SKIP,
  /** Take the names from the file and put the subscriber on the list if it is not on it yet. */
  UPDATE
}
