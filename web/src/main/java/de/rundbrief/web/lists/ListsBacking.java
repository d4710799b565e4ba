package de.rundbrief.web.lists;

import de.rundbrief.application.MailingListData;
import de.rundbrief.application.MailingListService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.mailinglist.ConsentTextRequiredException;
import de.rundbrief.domain.mailinglist.DuplicateMailingListException;
import de.rundbrief.domain.mailinglist.ListSummary;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.mailinglist.OptInMode;
import de.rundbrief.domain.mailinglist.SubscriptionStatus;
import de.rundbrief.domain.mailinglist.Visibility;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.exports.CsvExports;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.primefaces.PrimeFaces;
import org.primefaces.model.StreamedContent;

/** The lists of the tenant worked in: create, change, and the address of each public form. */
@Named
@ViewScoped
public class ListsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MailingListService lists;
  @Inject private CsvExports exports;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;

  private String tenantParameter;
  private List<ListSummary> all = List.of();
  private Long editedId;
  private String name;
  private String description;
  private Visibility visibility = Visibility.PUBLIC;
  private OptInMode optInMode = OptInMode.DOUBLE;
  private String consentText;

  /** Applies {@code ?tenant=} (a tenant the caller may not see answers 404), then loads. */
  public void load() throws IOException {
    if (workingTenant.applyViewParameter(tenantParameter)) {
      reload();
    }
  }

  private void reload() {
    all = workingTenant.current().map(lists::list).orElse(List.of());
  }

  public void newList() {
    editedId = null;
    name = null;
    description = null;
    visibility = Visibility.PUBLIC;
    optInMode = OptInMode.DOUBLE;
    consentText = null;
  }

  public void edit(MailingList list) {
    editedId = list.getId();
    name = list.getName();
    description = list.getDescription();
    visibility = list.getVisibility();
    optInMode = list.getOptInMode();
    consentText = list.getConsentText();
  }

  public void save() {
    MailingListData data =
        new MailingListData(name, description, visibility, optInMode, consentText);
    TenantKey tenant = workingTenant.current().orElse(null);
    if (tenant == null || !inputCheck.valid(data, "listForm")) {
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
      return;
    }
    try {
      if (editedId == null) {
        lists.create(tenant, data);
        Messages.info("lists.created", data.name().strip());
      } else {
        lists.update(tenant, editedId, data);
        Messages.info("lists.saved", data.name().strip());
      }
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      reload();
    } catch (DuplicateMailingListException e) {
      Messages.fieldError("listForm:name", Messages.text("lists.duplicate"));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (ConsentTextRequiredException e) {
      Messages.fieldError("listForm:consentText", Messages.text("lists.consentText.required"));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (NotFoundException e) {
      Messages.error("lists.gone");
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    }
  }

  /**
   * The list's subscribers, those who receive its newsletters, as CSV for Excel, written as the
   * browser reads it. People who left or never confirmed are not in it, so that a file handed on to
   * another tool mails nobody who said no; the API exports any status on request.
   */
  public StreamedContent export(MailingList list) {
    TenantKey tenant = workingTenant.current().orElseThrow();
    return CsvExports.download(
        "list-" + list.getId() + ".csv",
        out ->
            exports.listMembers(
                tenant, list.getId(), SubscriptionStatus.SUBSCRIBED, CsvExports.forExcel(), out));
  }

  /** The address of a public list's hosted form, relative to Rundbrief's root. */
  public String formPath(MailingList list) {
    return "/subscribe.xhtml?tenant=" + workingTenant.getSelection() + "&list=" + list.getId();
  }

  public Visibility[] getVisibilities() {
    return Visibility.values();
  }

  public OptInMode[] getOptInModes() {
    return OptInMode.values();
  }

  public List<ListSummary> getAll() {
    return all;
  }

  public boolean isCreating() {
    return editedId == null;
  }

  public String getTenantParameter() {
    return tenantParameter;
  }

  public void setTenantParameter(String tenantParameter) {
    this.tenantParameter = tenantParameter;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public void setVisibility(Visibility visibility) {
    this.visibility = visibility;
  }

  public OptInMode getOptInMode() {
    return optInMode;
  }

  public void setOptInMode(OptInMode optInMode) {
    this.optInMode = optInMode;
  }

  public String getConsentText() {
    return consentText;
  }

  public void setConsentText(String consentText) {
    this.consentText = consentText;
  }
}
