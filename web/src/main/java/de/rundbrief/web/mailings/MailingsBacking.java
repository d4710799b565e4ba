package de.rundbrief.web.mailings;

import de.rundbrief.application.MailingService;
import de.rundbrief.application.TemplateChoice;
import de.rundbrief.application.TemplateService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailing.InvalidMailingException;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.PagedModel;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;

/** The mailings of the tenant worked in, newest first: {@code /mailings/list.xhtml}. */
@Named
@ViewScoped
public class MailingsBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private MailingService mailings;
  @Inject private WorkingTenant workingTenant;
  @Inject private TemplateService templates;

  private String tenantParameter;
  private MailingStatus status;
  private List<TemplateChoice> templateChoices = List.of();
  private String templateKey;
  private String newName;
  private String newSender;

  private final PagedModel<Mailing> model =
      new PagedModel<>(Set.of(), null) {
        private static final long serialVersionUID = 1L;

        @Override
        protected Page<Mailing> search(Map<String, FilterMeta> filterBy, PageRequest request) {
          TenantKey tenant = workingTenant.current().orElse(null);
          if (tenant == null) {
            return new Page<>(List.of(), 0, request.page(), request.size());
          }
          return mailings.list(
              tenant, status, new PageRequest(request.page(), request.size(), null, false));
        }

        @Override
        public String getRowKey(Mailing mailing) {
          return String.valueOf(mailing.getId());
        }
      };

  /** The view action: applies {@code ?tenant=}. */
  public void load() throws IOException {
    if (workingTenant.applyViewParameter(tenantParameter)) {
      templateChoices = workingTenant.current().map(templates::available).orElse(List.of());
    }
  }

  /** A new draft from the chosen template, opened in the editor. */
  public String createFromTemplate() {
    TenantKey tenant = workingTenant.current().orElse(null);
    TemplateChoice choice =
        templateChoices.stream()
            .filter(c -> c.getKey().equals(templateKey))
            .findFirst()
            .orElse(null);
    if (tenant == null || choice == null) {
      Messages.fieldError("fromTemplate:template", Messages.text("templates.gone"));
      return null;
    }
    if (newName == null || newName.isBlank()) {
      Messages.fieldError("fromTemplate:name", Messages.text("mailings.name.required"));
      return null;
    }
    try {
      Mailing created =
          mailings.createFromTemplate(
              tenant, choice.id(), choice.shared(), newName, blankToNull(newSender));
      return "/mailings/edit?faces-redirect=true&tenant="
          + tenant.value()
          + "&id="
          + created.getId();
    } catch (InvalidMailingException e) {
      Messages.error("mailings.invalid", e.getMessage());
    } catch (NotFoundException e) {
      Messages.error("templates.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
    return null;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public String getNewSender() {
    return newSender;
  }

  public void setNewSender(String newSender) {
    this.newSender = newSender;
  }

  public List<TemplateChoice> getTemplateChoices() {
    return templateChoices;
  }

  public String getTemplateKey() {
    return templateKey;
  }

  public void setTemplateKey(String templateKey) {
    this.templateKey = templateKey;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName;
  }

  public PagedModel<Mailing> getModel() {
    return model;
  }

  public MailingStatus[] getStatuses() {
    return MailingStatus.values();
  }

  public MailingStatus getStatus() {
    return status;
  }

  public void setStatus(MailingStatus status) {
    this.status = status;
  }

  public String getTenantParameter() {
    return tenantParameter;
  }

  public void setTenantParameter(String tenantParameter) {
    this.tenantParameter = tenantParameter;
  }
}
