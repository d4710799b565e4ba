package de.rundbrief.web.publicpages;

import de.rundbrief.application.ConsentService;
import de.rundbrief.application.PublicListView;
import de.rundbrief.application.SubscriptionRequest;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.ConsentTextChangedException;
import de.rundbrief.domain.consent.FormTooFastException;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.LocaleSwitch;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.Views;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.OptionalLong;
import java.util.logging.Logger;

/**
 * The hosted subscription form of one public list: {@code /subscribe.xhtml?tenant=…&list=…}.
 * Protected against automated sign-ups by the rate limit, a honeypot field and the form token's
 * time check; whatever happens to a valid request, the visitor sees the same answer.
 */
@Named
@ViewScoped
public class SubscribeBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(SubscribeBacking.class.getName());

  @Inject private ConsentService consent;
  @Inject private PublicRateLimit rateLimit;
  @Inject private InputCheck inputCheck;
  @Inject private LocaleSwitch localeSwitch;

  private String tenant;
  private String listParameter;
  private long list;
  private PublicListView view;
  private String formToken;
  private String email;
  private String firstName;
  private String lastName;
  private String website;
  private boolean agreed;
  private boolean done;

  /** The view action: shows the list's form, or 404. */
  public void load() throws IOException {
    if (view != null) {
      return;
    }
    OptionalLong id = PublicPage.id(listParameter);
    if (!TenantKey.isValid(tenant) || id.isEmpty()) {
      Views.notFound();
      return;
    }
    list = id.getAsLong();
    try {
      refresh();
    } catch (NotFoundException e) {
      Views.notFound();
    }
  }

  public void subscribe() throws IOException {
    if (view == null) {
      Views.notFound();
      return;
    }
    String address = PublicPage.clientAddress();
    try {
      rateLimit.check(address);
    } catch (TooManyRequestsException e) {
      Messages.error("public.tooManyRequests");
      return;
    }
    if (website != null && !website.isEmpty()) {
      LOG.info(() -> "Honeypot filled in on the form of list " + list + "; ignored");
      done = true;
      return;
    }
    SubscriptionRequest request =
        new SubscriptionRequest(
            email,
            firstName,
            lastName,
            view.consentTextVersion(),
            formToken,
            ConsentSource.HOSTED_FORM,
            address,
            localeSwitch.getLocale());
    boolean valid = inputCheck.valid(request, "subscribe");
    if (!agreed) {
      Messages.fieldError("subscribe:agreed", Messages.text("public.subscribe.agree.required"));
      valid = false;
    }
    if (!valid) {
      return;
    }
    try {
      consent.subscribe(TenantKey.of(tenant), list, request);
      done = true;
    } catch (FormTooFastException e) {
      Messages.error("public.subscribe.tooFast");
    } catch (ConsentTextChangedException e) {
      refresh();
      agreed = false;
      Messages.error("public.subscribe.textChanged");
    } catch (InvalidTokenException e) {
      refresh();
      Messages.error("public.subscribe.expired");
    } catch (NotFoundException e) {
      Messages.error("public.subscribe.gone");
    }
  }

  private void refresh() {
    TenantKey key = TenantKey.of(tenant);
    view = consent.publicList(key, list);
    formToken = consent.formToken(key, list);
  }

  public PublicListView getView() {
    return view;
  }

  public boolean isDone() {
    return done;
  }

  public String getTenant() {
    return tenant;
  }

  /** The tenant of a list that could be shown, for the page's branding; {@code null} otherwise. */
  public String getTenantKey() {
    return getView() == null ? null : tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  /** The {@code list} view parameter as given; {@link #load()} reads the id from it. */
  public String getList() {
    return listParameter;
  }

  public void setList(String list) {
    this.listParameter = list;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getFirstName() {
    return firstName;
  }

  public void setFirstName(String firstName) {
    this.firstName = firstName;
  }

  public String getLastName() {
    return lastName;
  }

  public void setLastName(String lastName) {
    this.lastName = lastName;
  }

  public String getWebsite() {
    return website;
  }

  public void setWebsite(String website) {
    this.website = website;
  }

  public boolean isAgreed() {
    return agreed;
  }

  public void setAgreed(boolean agreed) {
    this.agreed = agreed;
  }
}
