package de.rundbrief.web.templates;

import de.rundbrief.application.TemplateChoice;
import de.rundbrief.application.TemplateData;
import de.rundbrief.application.TemplateService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.mailing.DuplicateTemplateException;
import de.rundbrief.domain.mailing.InvalidMailingException;
import de.rundbrief.domain.mailing.MailingTemplate;
import de.rundbrief.domain.mailing.SharedTemplate;
import de.rundbrief.domain.mailing.TemplateContent;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.StaffView;
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

/**
 * The templates of the tenant worked in, with the shared ones it may use; central administrators
 * also write and publish the shared ones here: {@code /templates/list.xhtml}.
 */
@Named
@ViewScoped
public class TemplatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TemplateService templates;
  @Inject private WorkingTenant workingTenant;
  @Inject private StaffView staffView;
  @Inject private InputCheck inputCheck;

  private String tenantParameter;
  private List<TemplateChoice> available = List.of();
  private List<SharedTemplate> allShared = List.of();

  private Long editedId;
  private boolean editingShared;
  private String name;
  private String subject;
  private String preheader;
  private String htmlBody;
  private boolean published;

  /** The view action: applies {@code ?tenant=} and loads the templates. */
  public void load() throws IOException {
    if (workingTenant.applyViewParameter(tenantParameter)) {
      reload();
    }
  }

  private void reload() {
    available = workingTenant.current().map(templates::available).orElse(List.of());
    allShared = staffView.isCentralAdmin() ? templates.allShared() : List.of();
  }

  public void newTemplate(boolean shared) {
    editedId = null;
    editingShared = shared;
    name = null;
    subject = null;
    preheader = null;
    htmlBody = null;
    published = false;
  }

  public void edit(TemplateChoice choice) {
    act(
        () -> {
          if (choice.shared()) {
            show(templates.getSharedForEditing(choice.id()));
          } else {
            MailingTemplate template = templates.get(key(), choice.id());
            editedId = template.getId();
            editingShared = false;
            fill(template.getName(), template.getContent());
            published = false;
          }
        });
  }

  public void editShared(SharedTemplate template) {
    act(() -> show(templates.getSharedForEditing(template.getId())));
  }

  private void show(SharedTemplate template) {
    editedId = template.getId();
    editingShared = true;
    fill(template.getName(), template.getContent());
    published = template.isPublished();
  }

  private void fill(String newName, TemplateContent content) {
    name = newName;
    subject = content.getSubject();
    preheader = content.getPreheader();
    htmlBody = content.getHtmlBody();
  }

  public void save() {
    TemplateData data = new TemplateData(name, subject, preheader, htmlBody, published);
    if (!inputCheck.valid(data, "templateForm")) {
      return;
    }
    boolean saved =
        act(
            () -> {
              if (editingShared) {
                if (editedId == null) {
                  templates.createShared(data);
                } else {
                  templates.updateShared(editedId, data);
                }
              } else if (editedId == null) {
                templates.create(key(), data);
              } else {
                templates.update(key(), editedId, data);
              }
            });
    if (saved) {
      Messages.info("templates.saved", name.strip());
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
      reload();
    }
  }

  public void delete(TemplateChoice choice) {
    if (act(() -> templates.delete(key(), choice.id()))) {
      Messages.info("templates.deleted", choice.name());
      reload();
    }
  }

  public void deleteShared(SharedTemplate template) {
    if (act(() -> templates.deleteShared(template.getId()))) {
      Messages.info("templates.deleted", template.getName());
      reload();
    }
  }

  private boolean act(Runnable work) {
    try {
      work.run();
      return true;
    } catch (DuplicateTemplateException e) {
      Messages.fieldError("templateForm:name", Messages.text("templates.duplicate"));
    } catch (InvalidMailingException e) {
      Messages.error("mailings.invalid", e.getMessage());
    } catch (NotFoundException e) {
      Messages.error("templates.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
    return false;
  }

  private TenantKey key() {
    return workingTenant.current().orElseThrow();
  }

  public List<TemplateChoice> getAvailable() {
    return available;
  }

  public List<SharedTemplate> getAllShared() {
    return allShared;
  }

  public boolean isEditingShared() {
    return editingShared;
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

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getPreheader() {
    return preheader;
  }

  public void setPreheader(String preheader) {
    this.preheader = preheader;
  }

  public String getHtmlBody() {
    return htmlBody;
  }

  public void setHtmlBody(String htmlBody) {
    this.htmlBody = htmlBody;
  }

  public boolean isPublished() {
    return published;
  }

  public void setPublished(boolean published) {
    this.published = published;
  }
}
