package de.rundbrief.web.statistics;

import de.rundbrief.domain.statistics.GrowthDay;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Growth per day as the Chart.js configuration PrimeFaces' {@code p:chart} takes: one bar group per
 * day of the period, days without any change shown as 0.
 */
final class GrowthChart {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd.MM.");

  private GrowthChart() {}

  /**
   * @param labels the names of subscriptions, confirmations, unsubscribes and bounces, in the
   *     screen's language
   */
  static String of(List<GrowthDay> days, LocalDate first, LocalDate last, List<String> labels) {
    Map<LocalDate, GrowthDay> byDay = new HashMap<>();
    days.forEach(day -> byDay.put(day.day(), day));
    JsonArrayBuilder dayLabels = Json.createArrayBuilder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      dayLabels.add(LABEL.format(day));
    }
    return Json.createObjectBuilder()
        .add("type", "bar")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", dayLabels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            dataset(
                                labels.get(0),
                                byDay,
                                first,
                                last,
                                GrowthDay::subscriptions,
                                "#1f5f8b"))
                        .add(
                            dataset(
                                labels.get(1),
                                byDay,
                                first,
                                last,
                                GrowthDay::confirmations,
                                "#15803d"))
                        .add(
                            dataset(
                                labels.get(2),
                                byDay,
                                first,
                                last,
                                GrowthDay::unsubscribes,
                                "#c2410c"))
                        .add(
                            dataset(
                                labels.get(3), byDay, first, last, GrowthDay::bounces, "#6b7280"))))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add("y", Json.createObjectBuilder().add("beginAtZero", true))))
        .build()
        .toString();
  }

  private static jakarta.json.JsonObjectBuilder dataset(
      String label,
      Map<LocalDate, GrowthDay> byDay,
      LocalDate first,
      LocalDate last,
      ToLongFunction<GrowthDay> value,
      String colour) {
    JsonArrayBuilder data = Json.createArrayBuilder();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      GrowthDay counts = byDay.get(day);
      data.add(counts == null ? 0 : value.applyAsLong(counts));
    }
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("backgroundColor", colour);
  }
}
