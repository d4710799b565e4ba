package de.rundbrief.web.audit;

import de.rundbrief.application.AuditService;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.audit.AuditEntry;
import de.rundbrief.domain.audit.AuditFilter;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

/** The audit log, newest first, filtered by tenant, user and action in the database. */
@Named
@ViewScoped
public class AuditListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private AuditService audit;

  private LazyDataModel<AuditEntry> model;

  @PostConstruct
  void init() {
    model = new AuditModel();
  }

  public LazyDataModel<AuditEntry> getModel() {
    return model;
  }

  private class AuditModel extends PagedModel<AuditEntry> {

    private static final long serialVersionUID = 1L;

    AuditModel() {
      super(Set.of(), null);
    }

    @Override
    public String getRowKey(AuditEntry entry) {
      return entry.getId().toString();
    }

    @Override
    protected Page<AuditEntry> search(Map<String, FilterMeta> filterBy, PageRequest request) {
      String tenant = filterText(filterBy, "tenant");
      return audit.search(
          new AuditFilter(
              tenant != null && TenantKey.isValid(tenant) ? TenantKey.of(tenant) : null,
              filterText(filterBy, "actor"),
              filterText(filterBy, "action")),
          request);
    }
  }
}
