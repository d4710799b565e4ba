package de.rundbrief.domain.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Whole days from {@code first} to {@code last}, both included, in the time zone Rundbrief's staff
 * count days in.
 */
public record Period(LocalDate first, LocalDate last) {

  /** Where statistics' days begin and end. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The last {@code days} days, today included. */
  public static Period lastDays(int days) {
    LocalDate today = LocalDate.now(ZONE);
    return new Period(today.minusDays(days - 1L), today);
  }

  /** The first moment of the period. */
  public Instant start() {
    return first.atStartOfDay(ZONE).toInstant();
  }

  /** The first moment after the period. */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(ZONE).toInstant();
  }
}
