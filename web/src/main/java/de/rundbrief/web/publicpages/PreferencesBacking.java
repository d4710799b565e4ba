package de.rundbrief.web.publicpages;

import de.rundbrief.application.ConsentService;
import de.rundbrief.application.PreferencesView;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.consent.ConsentToken;
import de.rundbrief.domain.consent.InvalidTokenException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The preference page: {@code /preferences.xhtml?token=…} with the token of any unsubscribe link.
 * The visitor keeps the lists ticked and leaves the others, or leaves them all.
 */
@Named
@ViewScoped
public class PreferencesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private ConsentService consent;

  private String token;
  private PreferencesView view;
  private String tenantKey;

  /** The ids of the lists ticked; the view's converter makes the submitted values {@code Long}s. */
  private List<Long> kept = new ArrayList<>();

  private LinkState state;

  public void load() {
    if (state == null) {
      reload(LinkState.READY);
    }
  }

  public void save() {
    keepOnly(Set.copyOf(kept));
  }

  public void leaveAll() {
    keepOnly(Set.of());
  }

  private void keepOnly(Set<Long> listIds) {
    try {
      consent.keepOnly(consent.readToken(token), listIds, PublicPage.clientAddress());
      reload(LinkState.DONE);
    } catch (InvalidTokenException | NotFoundException e) {
      state = LinkState.INVALID;
    }
  }

  private void reload(LinkState next) {
    try {
      ConsentToken opened = consent.readToken(token);
      view = consent.preferences(opened);
      tenantKey = opened.tenant().value();
      kept =
          view.lists().stream()
              .filter(PreferencesView.Entry::member)
              .map(PreferencesView.Entry::listId)
              .collect(Collectors.toCollection(ArrayList::new));
      state = next;
    } catch (InvalidTokenException e) {
      state = e.isExpired() ? LinkState.EXPIRED : LinkState.INVALID;
    } catch (NotFoundException e) {
      state = LinkState.INVALID;
    }
  }

  /** The tenant of a valid link, for the page's branding; {@code null} otherwise. */
  public String getTenantKey() {
    return view == null ? null : tenantKey;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public PreferencesView getView() {
    return view;
  }

  public List<Long> getKept() {
    return kept;
  }

  public void setKept(List<Long> kept) {
    this.kept = kept;
  }

  public LinkState getState() {
    return state;
  }
}
