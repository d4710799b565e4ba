package de.rundbrief.domain.mailinglist;

/** Whether a list is offered on public subscription forms. */
public enum Visibility {
  PUBLIC,
  INTERNAL
}
