package de.rundbrief.domain.bounce;

/** What a message in the bounce mailbox says about a recipient. */
public enum BounceKind {
  /** The address does not exist or refuses for good: mark the subscriber bounced at once. */
  HARD,
  /** For now only (mailbox full, greylisting, server busy): counted; hard after a threshold. */
  SOFT,
  /** An out-of-office or other automatic reply: ignored. */
  AUTO_REPLY,
  /** The recipient reported the mail as spam (an ARF feedback report): unsubscribed. */
  COMPLAINT,
  /** Not a bounce Rundbrief can read, or about no recipient of Rundbrief's. */
  UNKNOWN
}
