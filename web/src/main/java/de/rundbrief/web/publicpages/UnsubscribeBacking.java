package de.rundbrief.web.publicpages;

import de.rundbrief.application.LinkView;
import de.rundbrief.domain.consent.ConsentSource;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.TokenPurpose;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

/** The page behind a newsletter's unsubscribe link: {@code /unsubscribe.xhtml?token=…}. */
@Named
@ViewScoped
public class UnsubscribeBacking extends LinkPage {

  private static final long serialVersionUID = 1L;

  @Override
  protected TokenPurpose purpose() {
    return TokenPurpose.UNSUBSCRIBE;
  }

  @Override
  protected boolean nothingToDo(LinkView view) {
    return view.status() == SubscriptionStatus.UNSUBSCRIBED;
  }

  @Override
  protected boolean act(ConsentToken token, String clientAddress) {
    return consent.unsubscribe(token, ConsentSource.UNSUBSCRIBE_LINK, clientAddress);
  }
}
