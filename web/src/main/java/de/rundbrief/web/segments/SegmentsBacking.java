package de.rundbrief.web.segments;

import de.rundbrief.application.AttributeService;
import de.rundbrief.application.MailingListService;
import de.rundbrief.application.SegmentData;
import de.rundbrief.application.SegmentService;
import de.rundbrief.domain.NotFoundException;
import de.rundbrief.domain.TranslatableFailure;
import de.rundbrief.domain.attribute.AttributeDefinition;
import de.rundbrief.domain.attribute.AttributeType;
import de.rundbrief.domain.mailinglist.MailingList;
import de.rundbrief.domain.segment.DuplicateSegmentException;
import de.rundbrief.domain.segment.InvalidSegmentException;
import de.rundbrief.domain.segment.Segment;
import de.rundbrief.domain.segment.SegmentDefinition;
import de.rundbrief.domain.segment.SegmentFields;
import de.rundbrief.domain.segment.SegmentOperator;
import de.rundbrief.domain.segment.SegmentRule;
import de.rundbrief.domain.subscriber.SubscriberStatus;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
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

  @Inject private SegmentService segments;
  @Inject private CsvExports exports;
  @Inject private AttributeService fields;
  @Inject private MailingListService lists;
  @Inject private WorkingTenant workingTenant;
  @Inject private InputCheck inputCheck;

  private List<Segment> all = List.of();
  private Map<String, AttributeDefinition> fieldsByKey = Map.of();
  private Map<String, String> listNames = Map.of();
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
    listNames =
        lists.all(tenant).stream()
            .collect(
                Collectors.toMap(
                    l -> String.valueOf(l.getId()),
                    MailingList::getName,
                    (a, b) -> a,
                    LinkedHashMap::new));
    SelectItemGroup listGroup = new SelectItemGroup(Messages.text("segments.group.lists"));
    listGroup.setSelectItems(
        listNames.entrySet().stream()
            .map(l -> new SelectItem("list:" + l.getKey(), l.getValue()))
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
      count = segments.count(workingTenant.current().orElseThrow(), completeRules());
      problem = null;
    } catch (InvalidSegmentException e) {
      count = null;
      problem = explain(e);
    }
  }

  /**
   * Saves the rules exactly as shown: a rule still waiting for its value is not left out (the
   * segment would select more than it says, with no rule at all the whole tenant) but refused, with
   * the message at the rule.
   */
  public void save() {
    TenantKey tenant = workingTenant.current().orElse(null);
    boolean incomplete = false;
    for (int i = 0; i < rules.size(); i++) {
      RuleRow row = rules.get(i);
      if (!row.isComplete()) {
        String input = choicesFor(row).isEmpty() ? "value" : "choice";
        Messages.fieldError(
            "segmentForm:rule:" + i + ":" + input, Messages.text("segments.rule.valueRequired"));
        incomplete = true;
      }
    }
    if (rules.isEmpty()) {
      problem = Messages.text("segments.invalid.NO_RULES");
      return;
    }
    if (incomplete) {
      problem = Messages.text("segments.rules.incomplete");
      return;
    }
    SegmentDefinition definition;
    try {
      definition = new SegmentDefinition(match, rules.stream().map(RuleRow::rule).toList());
    } catch (InvalidSegmentException e) {
      problem = explain(e);
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
      problem = explain(e);
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

  /** The operators that fit a rule's field, as the query accepts them. */
  public List<SegmentOperator> operatorsFor(RuleRow row) {
    String field = row.getField();
    if (field.startsWith("list:")) {
      return SegmentFields.operatorsOf(SegmentFields.LIST);
    }
    AttributeDefinition attribute = attributeOf(row);
    if (attribute != null) {
      return SegmentFields.operatorsOf(attribute.getType());
    }
    List<SegmentOperator> builtIn = SegmentFields.operatorsOf(field);
    return builtIn.isEmpty() ? SegmentFields.operatorsOf("email") : builtIn;
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

  /** The rules as entered without those still waiting for a value: what the live count counts. */
  private SegmentDefinition completeRules() {
    return new SegmentDefinition(
        match, rules.stream().filter(RuleRow::isComplete).map(RuleRow::rule).toList());
  }

  /** A saved segment's rules in one line, in the viewer's words, for the table. */
  public String summary(Segment segment) {
    SegmentDefinition definition = segment.getDefinition();
    return definition.rules().stream()
        .map(this::describe)
        .collect(Collectors.joining(Messages.text("segments.summary." + definition.match())));
  }

  private String describe(SegmentRule rule) {
    if (SegmentFields.LIST.equals(rule.field())) {
      return Messages.text(
          "segments.summary.list",
          listNames.getOrDefault(rule.value(), rule.value()),
          operatorLabel(rule.operator()));
    }
    if (rule.value() == null) {
      return Messages.text(
          "segments.summary.rule", fieldLabel(rule.field()), operatorLabel(rule.operator()));
    }
    String value = "status".equals(rule.field()) ? statusLabel(rule.value()) : rule.value();
    return Messages.text(
        "segments.summary.ruleWithValue",
        fieldLabel(rule.field()),
        operatorLabel(rule.operator()),
        value);
  }

  /** A rule's field as the editor names it: the built-in field's label or the tenant field's. */
  private String fieldLabel(String field) {
    if (field == null) {
      return "";
    }
    if (field.startsWith(SegmentRule.ATTRIBUTE_PREFIX)) {
      AttributeDefinition attribute =
          fieldsByKey.get(field.substring(SegmentRule.ATTRIBUTE_PREFIX.length()));
      return attribute == null
          ? field.substring(SegmentRule.ATTRIBUTE_PREFIX.length())
          : attribute.getLabel();
    }
    if (SegmentFields.LIST.equals(field)) {
      return Messages.text("segments.list");
    }
    return SegmentFields.BUILT_IN.contains(field) ? Messages.text("subscribers." + field) : field;
  }

  private static String operatorLabel(SegmentOperator operator) {
    return operator == null ? "" : Messages.text("segments.operator." + operator);
  }

  private static String statusLabel(String status) {
    try {
      return Messages.text(
          "subscribers.status." + SubscriberStatus.valueOf(status.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException | MissingResourceException e) {
      return status;
    }
  }

  /** Why the rules cannot run, with the field and operator named as the editor names them. */
  private String explain(InvalidSegmentException e) {
    Object[] arguments = e.messageArguments().clone();
    arguments[0] = fieldLabel(e.getField());
    arguments[1] = operatorLabel(e.getOperator());
    if (arguments[3] instanceof TranslatableFailure detail) {
      arguments[3] = Messages.text(detail);
    }
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] == null) {
        arguments[i] = "";
      }
    }
    return Messages.text(e.messageKey(), arguments);
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
