package de.rundbrief.infrastructure.demo;

import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.ConsentLog;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.MailingListRepository;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.Subscription;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.setting.GlobalSetting;
import de.rundbrief.domain.setting.SettingKey;
import de.rundbrief.domain.setting.SettingRepository;
import de.rundbrief.domain.subscriber.EmailAddress;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.domain.tenant.TenantRepository;
import de.rundbrief.infrastructure.tenancy.TenantContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Writes the demo records, one transaction per tenant. */
@Stateless
@LocalBean
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoDataWriter {

  private static final List<String> FIRST_NAMES =
      List.of("Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas");
  private static final List<String> LAST_NAMES =
      List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker");

  private static final String DEMO = "demo data";

  @Inject private TenantRepository tenants;
  @Inject private SubscriberRepository subscribers;
  @Inject private MailingListRepository lists;
  @Inject private ConsentLog consentLog;
  @Inject private TenantContext tenantContext;
  @Inject private SettingRepository settings;
  @Inject private Clock clock;

  public boolean anyTenantExists() {
    return !tenants.allKeys().isEmpty();
  }

  public void createTenants() {
    tenants.add(new Tenant(DemoData.NORD, "Tochter Nord GmbH", clock.instant()));
    tenants.add(new Tenant(DemoData.SUED, "Tochter Süd AG", clock.instant()));
    GlobalSetting domains =
        new GlobalSetting(SettingKey.ALLOWED_SENDER_DOMAINS, DEMO, clock.instant());
    domains.change(DemoData.SENDER_DOMAINS, DEMO, clock.instant());
    settings.saveGlobal(domains);
  }

  public void fill(TenantKey tenant, String label, int count) {
    tenantContext.enter(tenant);
    Instant start = clock.instant().minus(Duration.ofDays(count));
    MailingList newsletter =
        new MailingList(
            DemoData.NEWSLETTER,
            "Neuigkeiten aus der " + label + "-Gruppe, einmal im Monat",
            Visibility.PUBLIC,
            OptInMode.DOUBLE,
            "Ich möchte den Newsletter per E-Mail erhalten. Meine Einwilligung kann ich jederzeit"
                + " über den Abmeldelink in jeder Ausgabe widerrufen.",
            start);
    lists.add(newsletter);
    lists.add(
        new MailingList(DemoData.PRESS, null, Visibility.INTERNAL, OptInMode.SINGLE, null, start));
    for (int i = 1; i <= count; i++) {
      String first = FIRST_NAMES.get(i % FIRST_NAMES.size());
      String last = LAST_NAMES.get(i % LAST_NAMES.size());
      Subscriber subscriber =
          new Subscriber(
              EmailAddress.of(
                  first.toLowerCase() + "." + i + "@" + label.toLowerCase() + ".example"),
              first,
              last,
              start.plus(Duration.ofDays(i)));
      if (i % 17 == 0) {
        subscriber.changeStatus(SubscriberStatus.UNSUBSCRIBED);
      }
      subscribers.add(subscriber);
      if (i % 3 == 0) {
        Instant at = start.plus(Duration.ofDays(i));
        Subscription subscription = new Subscription(subscriber, newsletter, false, at);
        lists.add(subscription);
        consentLog.record(
            ConsentEvent.subscribedOnLegalBasis(
                subscription, ConsentSource.IMPORT, at, "Demo data"));
      }
    }
  }
}
