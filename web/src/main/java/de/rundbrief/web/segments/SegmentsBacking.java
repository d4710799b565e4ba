package de.rundbrief.web.segments;

import de.rundbrief.application.AttributeService;
import de.rundbrief.application.MailingListService;
import de.rundbrief.application.SegmentData;
import de.rundbrief.application.SegmentService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.segment.DuplicateSegmentException;
import de.rundbrief.domain.segment.InvalidSegmentException;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.tenant.TenantAccessDeniedException;
import de.rundbrief.domain.tenant.TenantKey;
import de.rundbrief.web.exports.CsvExports;
import de.rundbrief.web.shell.InputCheck;
import de.rundbrief.web.shell.Messages;
import de.rundbrief.web.shell.WorkingTenant;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.AccessLocalException;
import jakarta.ejb.EJBAccessException;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.primefaces.model.StreamedContent;

/**
 * The segments of the tenant worked in, and the editor that builds one from rules with selects.
 * Every change recounts in the database, so the editor always shows who the rules select now.
 */
@Named
@ViewScoped
public class SegmentsBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final List<SegmentOperator> TEXT =
      List.of(
          SegmentOperator.CONTAINS,
          SegmentOperator.EQUALS,
          SegmentOperator.NOT_EQUALS,
          SegmentOperator.STARTS_WITH,
          SegmentOperator.IS_SET,
          SegmentOperator.IS_NOT_SET);

  @Inject private SegmentService segments;
  @Inject private CsvExports exports;
  @Inject private AttributeService fields;
  @Inject private MailingListService lists;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;

  private List<Segment> all = List.of();
  private Map<String, AttributeDefinition> fieldsByKey = Map.of();
  private List<SelectItem> fieldOptions = List.of();
  private boolean editing;
  private Long editedId;
  private String name;
  private SegmentDefinition.Match match = SegmentDefinition.Match.ALL;
  private List<RuleRow> rules = new ArrayList<>();
  private Long count;
  private String problem;

  @PostConstruct
  void load() {
    TenantKey tenant = workingTenant.current().orElse(null);
    if (tenant == null) {
      return;
    }
    all = segments.list(tenant);
    List<AttributeDefinition> tenantFields = fields.list(tenant);
    fieldsByKey =
        tenantFields.stream()
            .collect(Collectors.toMap(AttributeDefinition::getKey, Function.identity()));
    SelectItemGroup subscriber = new SelectItemGroup(Messages.text("segments.group.subscriber"));
    subscriber.setSelectItems(
        new SelectItem("email", Messages.text("subscribers.email")),
        new SelectItem("firstName", Messages.text("subscribers.firstName")),
        new SelectItem("lastName", Messages.text("subscribers.lastName")),
        new SelectItem("status", Messages.text("subscribers.status")),
        new SelectItem("createdAt", Messages.text("subscribers.createdAt")));
    SelectItemGroup listGroup = new SelectItemGroup(Messages.text("segments.group.lists"));
    listGroup.setSelectItems(
        lists.all(tenant).stream()
            .map(l -> new SelectItem("list:" + l.getId(), l.getName()))
            .toArray(SelectItem[]::new));
    SelectItemGroup fieldGroup = new SelectItemGroup(Messages.text("segments.group.fields"));
    fieldGroup.setSelectItems(
        tenantFields.stream()
            .map(f -> new SelectItem("attribute:" + f.getKey(), f.getLabel()))
            .toArray(SelectItem[]::new));
    fieldOptions = List.of(subscriber, listGroup, fieldGroup);
  }

  public void newSegment() {
    editing = true;
    editedId = null;
    name = null;
    match = SegmentDefinition.Match.ALL;
    rules = new ArrayList<>(List.of(new RuleRow()));
    recount();
  }

  public void edit(Segment segment) {
    editing = true;
    editedId = segment.getId();
    name = segment.getName();
    match = segment.getDefinition().match();
    rules =
        segment.getDefinition().rules().stream()
            .map(RuleRow::of)
            .collect(Collectors.toCollection(ArrayList::new));
    recount();
  }

  public void addRule() {
    rules.add(new RuleRow());
    recount();
  }

  public void removeRule(RuleRow row) {
    rules.remove(row);
    recount();
  }

  /** A rule's field changed: its operator becomes the first one that fits. */
  public void fieldChanged(RuleRow row) {
    List<SegmentOperator> fitting = operatorsFor(row);
    if (!fitting.contains(row.getOperator())) {
      row.setOperator(fitting.get(0));
    }
    row.setValue(null);
    recount();
  }

  /** Counts who the rules select now; a rule that cannot run says why instead. */
  public void recount() {
    try {
      count = segments.count(workingTenant.current().orElseThrow(), definition());
      problem = null;
    } catch (InvalidSegmentException e) {
      count = null;
      problem = e.getMessage();
    }
  }

  public void save() {
    TenantKey tenant = workingTenant.current().orElse(null);
    SegmentDefinition definition;
    try {
      definition = definition();
    } catch (InvalidSegmentException e) {
      problem = e.getMessage();
      return;
    }
    SegmentData data = new SegmentData(name, definition);
    if (tenant == null || !inputCheck.valid(data, "segmentForm")) {
      return;
    }
    try {
      if (editedId == null) {
        segments.create(tenant, data);
      } else {
        segments.update(tenant, editedId, data);
      }
      Messages.info("segments.saved", name.strip());
      editing = false;
      all = segments.list(tenant);
    } catch (DuplicateSegmentException e) {
      Messages.fieldError("segmentForm:name", Messages.text("segments.duplicate"));
    } catch (InvalidSegmentException e) {
      problem = e.getMessage();
    } catch (NotFoundException e) {
      Messages.error("segments.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  public void cancel() {
    editing = false;
  }

  public void delete(Segment segment) {
    try {
      TenantKey tenant = workingTenant.current().orElseThrow();
      segments.delete(tenant, segment.getId());
      Messages.info("segments.deleted", segment.getName());
      all = segments.list(tenant);
    } catch (NotFoundException e) {
      Messages.error("segments.gone");
    } catch (TenantAccessDeniedException | EJBAccessException | AccessLocalException e) {
      Messages.error("access.denied");
    }
  }

  /** The subscribers a segment selects now, as CSV for Excel, written as the browser reads it. */
  public StreamedContent export(Segment segment) {
    TenantKey tenant = workingTenant.current().orElseThrow();
    return CsvExports.download(
        "segment-" + segment.getId() + ".csv",
        out -> exports.segmentMembers(tenant, segment.getId(), CsvExports.forExcel(), out));
  }

  /** The operators that fit a rule's field. */
  public List<SegmentOperator> operatorsFor(RuleRow row) {
    String field = row.getField();
    if (field.startsWith("list:")) {
      return List.of(SegmentOperator.MEMBER, SegmentOperator.NOT_MEMBER);
    }
    if ("status".equals(field)) {
      return List.of(SegmentOperator.EQUALS, SegmentOperator.NOT_EQUALS);
    }
    if ("createdAt".equals(field)) {
      return List.of(SegmentOperator.BEFORE, SegmentOperator.AFTER, SegmentOperator.EQUALS);
    }
    AttributeDefinition attribute =
        field.startsWith("attribute:")
            ? fieldsByKey.get(field.substring("attribute:".length()))
            : null;
    if (attribute == null) {
      return TEXT;
    }
    return switch (attribute.getType()) {
      case TEXT, CHOICE -> TEXT;
      case NUMBER ->
          List.of(
              SegmentOperator.EQUALS,
              SegmentOperator.GREATER,
              SegmentOperator.LESS,
              SegmentOperator.IS_SET,
              SegmentOperator.IS_NOT_SET);
      case DATE ->
          List.of(
              SegmentOperator.BEFORE,
              SegmentOperator.AFTER,
              SegmentOperator.EQUALS,
              SegmentOperator.IS_SET,
              SegmentOperator.IS_NOT_SET);
      case BOOLEAN ->
          List.of(SegmentOperator.IS_TRUE, SegmentOperator.IS_FALSE, SegmentOperator.IS_NOT_SET);
    };
  }

  /** Whether a rule's value is a date, for a date input. */
  public boolean isDate(RuleRow row) {
    AttributeDefinition attribute = attributeOf(row);
    return "createdAt".equals(row.getField())
        || attribute != null && attribute.getType() == AttributeType.DATE;
  }

  /** The choices a rule's value is picked from, or empty for free input. */
  public List<String> choicesFor(RuleRow row) {
    if ("status".equals(row.getField())) {
      return List.of("ACTIVE", "UNSUBSCRIBED", "BOUNCED", "BLOCKED");
    }
    AttributeDefinition attribute = attributeOf(row);
    return attribute != null && attribute.getType() == AttributeType.CHOICE
        ? attribute.getChoices()
        : List.of();
  }

  private AttributeDefinition attributeOf(RuleRow row) {
    return row.getField().startsWith("attribute:")
        ? fieldsByKey.get(row.getField().substring("attribute:".length()))
        : null;
  }

  /** The rules as entered; incomplete rows (no value yet) are left out of the count. */
  private SegmentDefinition definition() {
    return new SegmentDefinition(
        match,
        rules.stream()
            .filter(
                row -> !row.isValueNeeded() || row.getValue() != null && !row.getValue().isBlank())
            .map(RuleRow::rule)
            .toList());
  }

  /** A saved segment's rules in one line, for the table. */
  public String summary(Segment segment) {
    return segment.getDefinition().rules().stream()
        .map(r -> r.field() + " " + r.operator() + (r.value() == null ? "" : " " + r.value()))
        .collect(
            Collectors.joining(
                segment.getDefinition().match() == SegmentDefinition.Match.ALL ? " ∧ " : " ∨ "));
  }

  public SegmentOperator[] getAllOperators() {
    return SegmentOperator.values();
  }

  public SegmentDefinition.Match[] getMatches() {
    return SegmentDefinition.Match.values();
  }

  public List<Segment> getAll() {
    return all;
  }

  public List<SelectItem> getFieldOptions() {
    return fieldOptions;
  }

  public boolean isEditing() {
    return editing;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public SegmentDefinition.Match getMatch() {
    return match;
  }

  public void setMatch(SegmentDefinition.Match match) {
    this.match = match;
  }

  public List<RuleRow> getRules() {
    return rules;
  }

  public Long getCount() {
    return count;
  }

  public String getProblem() {
    return problem;
  }
}
