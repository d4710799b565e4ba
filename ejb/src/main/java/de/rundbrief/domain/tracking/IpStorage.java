package de.rundbrief.domain.tracking;

/** How much of a reader's IP address a tracking event keeps. */
public enum IpStorage {
  /** IPv4 without its last octet, IPv6 cut to its /48 network. */
  SHORTENED,
  /** Nothing. */
  NONE
}
