package de.rundbrief.infrastructure.bounces;

import de.rundbrief.domain.bounce.BounceKind;
import de.rundbrief.infrastructure.mail.VerpAddresses;
import java.util.Objects;

/**
 * What one message in the bounce mailbox says: its kind, the recipient its signed Return-Path names
 * ({@code null} if none was found or believed), the enhanced status code ({@code 5.1.1}) if there
 * is one, and the original reason text, kept so that every decision can be explained.
 */
public record BounceReport(
    BounceKind kind, VerpAddresses.Recipient recipient, String status, String reason) {

  /** The longest reason kept; a diagnostic beyond that is cut. */
  public static final int MAX_REASON = 1000;

  public BounceReport {
    Objects.requireNonNull(kind, "kind");
    reason = cut(reason);
  }

  private static String cut(String reason) {
    if (reason == null) {
      return "";
    }
    if (reason.length() <= MAX_REASON) {
      return reason;
    }
    int end = MAX_REASON - 1;
    if (Character.isHighSurrogate(reason.charAt(end - 1))) {
      end--;
    }
    return reason.substring(0, end) + "…";
  }
}
