package de.rundbrief.web.publicpages;

import de.rundbrief.application.ConsentService;
import de.rundbrief.application.LinkView;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.InvalidTokenException;
import de.rundbrief.domain.consent.TokenPurpose;
import jakarta.inject.Inject;
import java.io.Serializable;

/**
 * A page behind a link from a mail. Opening it changes nothing, so that mail scanners that fetch
 * every link neither confirm nor unsubscribe anyone; the visitor acts with one button.
 */
abstract class LinkPage implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject protected ConsentService consent;

  private String token;
  private LinkView view;
  private LinkState state;
  private String tenantKey;

  /** The view action: opens the token and asks whether there is anything to do. */
  public void load() {
    if (state != null) {
      return;
    }
    try {
      ConsentToken opened = open();
      view = consent.describe(opened, purpose());
      tenantKey = opened.tenant().value();
      state = nothingToDo(view) ? LinkState.ALREADY : LinkState.READY;
    } catch (InvalidTokenException e) {
      state = e.isExpired() ? LinkState.EXPIRED : LinkState.INVALID;
    } catch (NotFoundException e) {
      state = LinkState.INVALID;
    }
  }

  /** The button: does what the link is for, once. */
  public void act() {
    try {
      state = act(open(), PublicPage.clientAddress()) ? LinkState.DONE : LinkState.ALREADY;
    } catch (InvalidTokenException e) {
      state = e.isExpired() ? LinkState.EXPIRED : LinkState.INVALID;
    } catch (NotFoundException e) {
      state = LinkState.INVALID;
    }
  }

  /** The kind of link the page is for; any other token is not valid here. */
  protected abstract TokenPurpose purpose();

  protected abstract boolean nothingToDo(LinkView view);

  protected abstract boolean act(ConsentToken token, String clientAddress);

  protected ConsentToken open() {
    return consent.readToken(token);
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  /** The tenant of a valid link, for the page's branding; {@code null} otherwise. */
  public String getTenantKey() {
    return view == null ? null : tenantKey;
  }

  public LinkView getView() {
    return view;
  }

  public LinkState getState() {
    return state;
  }
}
