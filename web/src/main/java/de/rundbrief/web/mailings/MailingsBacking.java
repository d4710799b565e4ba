package de.rundbrief.web.mailings;

import de.rundbrief.application.MailingService;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.mailing.Mailing;
import de.rundbrief.domain.mailing.MailingStatus;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.PagedModel;
import de.rundbrief.web.shell.WorkingTenant;
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

  private String tenantParameter;
  private MailingStatus status;

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
    workingTenant.applyViewParameter(tenantParameter);
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
