package de.rundbrief.web.subscribers;

import de.rundbrief.application.MailingListService;
import de.rundbrief.application.SubscriberDetail;
import de.rundbrief.application.SubscriberService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.consent.ConsentEvent;
import de.rundbrief.domain.consent.SuppressedAddressException;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.api.Json.SubscriberExportJson;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.Views;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One subscriber with its subscriptions and consent history: {@code
 * /subscribers/detail.xhtml?tenant=…&id=…}. Staff put it on lists (with a legal basis, or by
 * sending a confirmation mail), take it off, export its data and erase it.
 */
@Named
@ViewScoped
public class SubscriberDetailBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SubscriberService subscribers;
  @Inject private MailingListService lists;

  private String tenant;
  private Long id;
  private SubscriberDetail detail;
  private List<MailingList> tenantLists = List.of();
  private Long listToAdd;
  private String legalBasis;

  /** The view action: loads the subscriber, or answers 404 for one out of reach. */
  public void load() throws IOException {
    if (detail != null) {
      return;
    }
    if (!TenantKey.isValid(tenant) || id == null) {
      Views.notFound();
      return;
    }
    try {
      reload();
      tenantLists = lists.all(key());
    } catch (NotFoundException e) {
      Views.notFound();
    }
  }

  public void addToList() {
    if (listToAdd == null) {
      Messages.fieldError("membership:list", Messages.text("detail.list.required"));
      return;
    }
    act(
        () -> {
          lists.addMember(key(), listToAdd, id, legalBasis);
          Messages.info(
              legalBasis == null || legalBasis.isBlank()
                  ? "detail.added.pending"
                  : "detail.added.subscribed");
          listToAdd = null;
          legalBasis = null;
        });
  }

  public void removeFromList(long listId) {
    act(
        () -> {
          lists.removeMember(key(), listId, id);
          Messages.info("detail.removed");
        });
  }

  /** Everything kept about the subscriber as a JSON file (GDPR Art. 15 and 20). */
  public StreamedContent getExport() {
    SubscriberExportJson export =
        SubscriberExportJson.of(
            key(), subscribers.detail(key(), id), subscribers.trackingEvents(key(), id));
    byte[] json;
    try (Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withFormatting(true))) {
      json = jsonb.toJson(export).getBytes(StandardCharsets.UTF_8);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot write the export", e);
    }
    return DefaultStreamedContent.builder()
        .name("subscriber-" + id + ".json")
        .contentType("application/json")
        .contentLength((long) json.length)
        .stream(() -> new ByteArrayInputStream(json))
        .build();
  }

  /** Erases the subscriber (GDPR Art. 17) and returns to the list. */
  public String erase() {
    try {
      subscribers.erase(key(), id);
      FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
      Messages.info("detail.erased");
      return "/subscribers/list?faces-redirect=true";
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
      return null;
    }
  }

  private void act(Runnable change) {
    try {
      change.run();
      reload();
    } catch (NotFoundException e) {
      Messages.error("subscribers.gone");
    } catch (SuppressedAddressException e) {
      Messages.error("detail.suppressed");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  private void reload() {
    detail = subscribers.detail(key(), id);
  }

  private TenantKey key() {
    return TenantKey.of(tenant);
  }

  /** A consent event's text version as shown: "v3", or empty. */
  public String version(ConsentEvent event) {
    return event.getConsentTextVersion() == null ? "" : "v" + event.getConsentTextVersion();
  }

  public SubscriberDetail getDetail() {
    return detail;
  }

  public List<MailingList> getTenantLists() {
    return tenantLists;
  }

  public String getTenant() {
    return tenant;
  }

  public void setTenant(String tenant) {
    this.tenant = tenant;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Long getListToAdd() {
    return listToAdd;
  }

  public void setListToAdd(Long listToAdd) {
    this.listToAdd = listToAdd;
  }

  public String getLegalBasis() {
    return legalBasis;
  }

  public void setLegalBasis(String legalBasis) {
    this.legalBasis = legalBasis;
  }
}
