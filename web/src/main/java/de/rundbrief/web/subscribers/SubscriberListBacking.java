package de.rundbrief.web.subscribers;

import de.rundbrief.application.AttributeService;
import de.rundbrief.application.SegmentService;
import de.rundbrief.application.SubscriberData;
import de.rundbrief.application.SubscriberService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.Page;
import de.rundbrief.domain.PageRequest;
import de.rundbrief.domain.attribute.AttributeValue;
import de.rundbrief.domain.attribute.InvalidAttributeValueException;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.subscriber.DuplicateSubscriberException;
import de.rundbrief.domain.subscriber.InvalidEmailAddressException;
import de.rundbrief.domain.subscriber.Subscriber;
import de.rundbrief.domain.subscriber.SubscriberFilter;
import de.rundbrief.domain.subscriber.SubscriberRepository;
import de.rundbrief.domain.subscriber.SubscriberStatus;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.PagedModel;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;

/**
 * The subscriber list of the tenant worked in, or of all tenants for central staff. The table
 * pages, sorts and filters in the database.
 */
@Named
@ViewScoped
public class SubscriberListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SubscriberService subscribers;
  @Inject private AttributeService attributes;
  @Inject private SegmentService segmentService;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;

  /** The view parameter {@code ?tenant=}: a deep link into one tenant's list. */
  private String tenantParameter;

  private LazyDataModel<Subscriber> model;
  private SubscriberForm form;

  /** The search box: a piece of the e-mail address or name. */
  private String query;

  private SubscriberStatus statusFilter;

  /** In one tenant: only the subscribers this saved segment selects. */
  private Long segmentFilter;

  private List<Segment> segments = List.of();
  private Long resolvedSegment;
  private SegmentDefinition resolvedRules;

  /** In "all tenants": only this tenant's subscribers. */
  private String tenantFilter;

  @PostConstruct
  void init() {
    segments = workingTenant.current().map(segmentService::list).orElse(List.of());
    model = new SubscriberModel();
    form = SubscriberForm.blank(workingTenant.getSelection());
  }

  /** Applies {@code ?tenant=}; a tenant the caller may not see answers 404. */
  public void applyTenantParameter() throws IOException {
    workingTenant.applyViewParameter(tenantParameter);
  }

  /** A changed search shows its first page. */
  public void searchChanged() {
    DataTable table =
        (DataTable)
            FacesContext.getCurrentInstance().getViewRoot().findComponent("subscribers:table");
    if (table != null) {
      table.setFirst(0);
    }
  }

  public void newSubscriber() {
    form = SubscriberForm.blank(workingTenant.getSelection());
    loadFields();
  }

  public void edit(Subscriber subscriber) {
    form = SubscriberForm.of(subscriber, tenantOf(subscriber).value());
    loadFields();
  }

  /** The dialog's tenant changed (central staff creating in "all tenants"): its fields show. */
  public void tenantChosen() {
    loadFields();
  }

  /** The tenant's fields with the subscriber's values, for the dialog. */
  private void loadFields() {
    if (!TenantKey.isValid(form.getTenant())) {
      form.useFields(null);
      return;
    }
    TenantKey tenant = TenantKey.of(form.getTenant());
    Map<String, String> values =
        form.isNew()
            ? Map.of()
            : attributes.valuesOf(tenant, form.getId()).stream()
                .collect(
                    Collectors.toMap(v -> v.getDefinition().getKey(), AttributeValue::getText));
    form.useFields(
        attributes.list(tenant).stream()
            .map(field -> new FieldInput(field, values.get(field.getKey())))
            .toList());
  }

  public void save() {
    SubscriberData data = form.data();
    if (!valid(data)) {
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
      return;
    }
    try {
      TenantKey tenant = TenantKey.of(form.getTenant());
      if (form.isNew()) {
        subscribers.create(tenant, data);
        Messages.info("subscribers.created", data.email().strip());
      } else {
        subscribers.update(tenant, form.getId(), data);
        Messages.info("subscribers.saved", data.email().strip());
      }
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (DuplicateSubscriberException e) {
      Messages.fieldError("subscriberForm:email", Messages.text("subscribers.duplicate"));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (InvalidEmailAddressException e) {
      Messages.fieldError("subscriberForm:email", Messages.text("subscribers.email.invalid"));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (InvalidAttributeValueException e) {
      Messages.fieldError(
          "subscriberForm:fields",
          Messages.text("subscribers.field.invalid", labelOf(e.getKey()), Messages.text(e)));
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    } catch (RuntimeException e) {
      failed(e);
      PrimeFaces.current().ajax().addCallbackParam("saved", false);
    }
  }

  public void delete(Subscriber subscriber) {
    try {
      subscribers.delete(tenantOf(subscriber), subscriber.getId());
      Messages.info("subscribers.deleted", subscriber.getEmail().value());
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private String labelOf(String key) {
    return form.getFields().stream()
        .filter(field -> field.getKey().equals(key))
        .map(FieldInput::getLabel)
        .findFirst()
        .orElse(key);
  }

  public SubscriberStatus[] getStatuses() {
    return SubscriberStatus.values();
  }

  private TenantKey tenantOf(Subscriber subscriber) {
    return subscriber.getTenant() != null
        ? subscriber.getTenant()
        : workingTenant.current().orElseThrow();
  }

  private boolean valid(SubscriberData data) {
    boolean valid = inputCheck.valid(data, "subscriberForm");
    if (form.getTenant() == null || !TenantKey.isValid(form.getTenant())) {
      Messages.fieldError("subscriberForm:tenant", Messages.text("subscribers.tenant.required"));
      return false;
    }
    return valid;
  }

  private static void failed(RuntimeException e) {
    if (e instanceof NotFoundException) {
      Messages.error("subscribers.gone");
    } else if (e instanceof TenantAccessDeniedException
        || e instanceof EJBAccessException
        || e instanceof AccessLocalException) {
      Messages.error("access.denied");
    } else {
      throw e;
    }
  }

  public LazyDataModel<Subscriber> getModel() {
    return model;
  }

  public SubscriberForm getForm() {
    return form;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public SubscriberStatus getStatusFilter() {
    return statusFilter;
  }

  public void setStatusFilter(SubscriberStatus statusFilter) {
    this.statusFilter = statusFilter;
  }

  /** The chosen segment's rules, read once per choice rather than for every page. */
  private SegmentDefinition segmentRules(TenantKey working) {
    if (!segmentFilter.equals(resolvedSegment)) {
      resolvedRules = segmentService.get(working, segmentFilter).getDefinition();
      resolvedSegment = segmentFilter;
    }
    return resolvedRules;
  }

  public Long getSegmentFilter() {
    return segmentFilter;
  }

  public void setSegmentFilter(Long segmentFilter) {
    this.segmentFilter = segmentFilter;
  }

  public List<Segment> getSegments() {
    return segments;
  }

  public String getTenantFilter() {
    return tenantFilter;
  }

  public void setTenantFilter(String tenantFilter) {
    this.tenantFilter = tenantFilter;
  }

  public String getTenantParameter() {
    return tenantParameter;
  }

  public void setTenantParameter(String tenantParameter) {
    this.tenantParameter = tenantParameter;
  }

  /** The table's rows: the tenant worked in, or all tenants, newest first by default. */
  private class SubscriberModel extends PagedModel<Subscriber> {

    private static final long serialVersionUID = 1L;

    SubscriberModel() {
      super(SubscriberRepository.SORTABLE, "createdAt");
    }

    @Override
    public String getRowKey(Subscriber subscriber) {
      return subscriber.getId().toString();
    }

    @Override
    protected Page<Subscriber> search(Map<String, FilterMeta> filterBy, PageRequest request) {
      TenantKey working = workingTenant.current().orElse(null);
      SegmentDefinition segment =
          working == null || segmentFilter == null ? null : segmentRules(working);
      SubscriberFilter filter =
          new SubscriberFilter(
              query,
              statusFilter,
              TenantKey.isValid(tenantFilter) ? TenantKey.of(tenantFilter) : null,
              segment);
      return working == null
          ? subscribers.searchAcrossTenants(filter, request)
          : subscribers.search(working, filter, request);
    }
  }
}
