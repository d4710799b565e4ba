package de.rundbrief.domain.segment;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;

/**
 * What a segment selects: its rules, all of which must hold ({@link Match#ALL}) or any one ({@link
 * Match#ANY}). Kept as a small JSON document.
 */
public record SegmentDefinition(Match match, List<SegmentRule> rules) implements Serializable {

  public static final int MAX_RULES = 20;

  /** How the rules combine. */
  public enum Match {
    ALL,
    ANY
  }

  public SegmentDefinition {
    Objects.requireNonNull(match, "match");
    rules = List.copyOf(rules);
    if (rules.size() > MAX_RULES) {
      throw new InvalidSegmentException(InvalidSegmentException.Reason.TOO_MANY_RULES);
    }
  }

  public String toJson() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (SegmentRule rule : rules) {
      var object =
          Json.createObjectBuilder()
              .add("field", rule.field())
              .add("operator", rule.operator().name());
      if (rule.value() != null) {
        object.add("value", rule.value());
      }
      array.add(object);
    }
    return Json.createObjectBuilder()
        .add("match", match.name())
        .add("rules", array)
        .build()
        .toString();
  }

  public static SegmentDefinition fromJson(String json) {
    try {
      JsonObject object = Json.createReader(new StringReader(json)).readObject();
      List<SegmentRule> rules =
          object.getJsonArray("rules").stream()
              .map(JsonValue::asJsonObject)
              .map(
                  rule ->
                      new SegmentRule(
                          rule.getString("field"),
                          SegmentOperator.valueOf(rule.getString("operator")),
                          rule.getString("value", null)))
              .toList();
      return new SegmentDefinition(Match.valueOf(object.getString("match")), rules);
    } catch (InvalidSegmentException e) {
      throw e;
    } catch (JsonException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      throw new InvalidSegmentException(InvalidSegmentException.Reason.NOT_A_DEFINITION);
    }
  }

  public Match getMatch() {
    return match;
  }

  public List<SegmentRule> getRules() {
    return rules;
  }
}
