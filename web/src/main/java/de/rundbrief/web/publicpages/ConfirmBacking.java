package de.rundbrief.web.publicpages;

import de.rundbrief.application.LinkView;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The page behind the confirmation link: {@code /confirm.xhtml?token=…}. */
@Named
@ViewScoped
public class ConfirmBacking extends LinkPage {

  private static final long serialVersionUID = 1L;

  @Override
  protected TokenPurpose purpose() {
    return TokenPurpose.CONFIRM;
  }

  @Override
  protected boolean nothingToDo(LinkView view) {
    return view.status() != SubscriptionStatus.PENDING;
  }

  private String preferencesToken;

  @Override
  protected boolean act(ConsentToken token, String clientAddress) {
    return consent.confirm(token, clientAddress);
  }

  /** Once confirmed: the token of the subscriber's preference page, made on first use. */
  public String getPreferencesToken() {
    if (preferencesToken == null
        && (getState() == LinkState.DONE || getState() == LinkState.ALREADY)) {
      preferencesToken = consent.unsubscribeToken(open());
    }
    return preferencesToken;
  }
}
