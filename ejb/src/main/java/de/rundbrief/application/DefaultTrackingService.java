package de.rundbrief.application;

import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.setting.EffectiveSettings;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.Settings;
import de.rundbrief.domain.tracking.IpAddresses;
import de.rundbrief.domain.tracking.IpStorage;
import de.rundbrief.domain.tracking.MachineRules;
import de.rundbrief.domain.tracking.TrackingEvent;
import de.rundbrief.domain.tracking.TrackingKind;
import de.rundbrief.domain.tracking.TrackingLog;
import de.rundbrief.domain.tracking.TrackingMode;
import de.rundbrief.domain.tracking.TrackingToken;
import de.rundbrief.domain.tracking.TrackingTokens;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * Opens the token, applies the tenant's settings as they are now (tracking switched off since the
 * mail went out records nothing; the IP address is kept shortened or not at all) and hands the
 * event to the tracking log, which writes it later. No database work happens on this path.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DefaultTrackingService implements TrackingService {

  @Inject private TrackingTokens tokens;
  @Inject private TrackingLog log;
  @Inject private Settings settings;

  @Override
  public void opened(String token, Visit visit) {
    open(token).filter(t -> t.kind() == TrackingKind.OPEN).ifPresent(t -> record(t, visit));
  }

  @Override
  public Optional<URI> clicked(String token, Visit visit) {
    Optional<TrackingToken> click = open(token).filter(t -> t.kind() == TrackingKind.CLICK);
    click.ifPresent(t -> record(t, visit));
    return click.map(TrackingToken::target);
  }

  private Optional<TrackingToken> open(String token) {
    try {
      return Optional.of(tokens.open(token));
    } catch (InvalidTokenException e) {
      return Optional.empty();
    }
  }

  private void record(TrackingToken token, Visit visit) {
    EffectiveSettings tenant = settings.of(token.tenant());
    TrackingMode mode = tenant.choice(SettingKey.TRACKING, TrackingMode.class);
    if (mode == TrackingMode.OFF) {
      return;
    }
    boolean anonymous = mode == TrackingMode.ANONYMOUS || token.isAnonymous();
    IpStorage ipStorage = tenant.choice(SettingKey.TRACKING_IP, IpStorage.class);
    log.record(
        new TrackingEvent(
            token.tenant(),
            token.mailingId(),
            anonymous ? null : token.subscriberId(),
            token.kind(),
            token.kind() == TrackingKind.CLICK ? token.linkIndex() : null,
            visit.at(),
            anonymous ? null : IpAddresses.stored(visit.ip(), ipStorage),
            anonymous ? null : visit.userAgent(),
            MachineRules.isMachine(
                token.kind(), visit.method(), visit.userAgent(), visit.ip(), null)));
  }
}
