package de.rundbrief.domain.mailinglist;

import java.util.List;

/** A list's members in address order, page by page, for exports of any size. */
public interface MemberExport {

  /**
   * Up to {@code max} members of the list after {@code afterEmail} (all from the start if {@code
   * null}), by address, with their subscribers.
   *
   * @param status only members with this status, or all if {@code null}
   */
  List<Subscription> after(long listId, SubscriptionStatus status, String afterEmail, int max);
}
