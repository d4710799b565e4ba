package de.rundbrief.web.mailings;

import de.rundbrief.domain.tracking.TrackingStatistics.HourlyCounts;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mailing's opens and clicks over time as the Chart.js configuration PrimeFaces' {@code p:chart}
 * takes: one point per hour from the first to the last, hours without any shown as 0.
 */
final class TimelineChart {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

  private TimelineChart() {}

  static String of(List<HourlyCounts> hours, ZoneId zone, String opensLabel, String clicksLabel) {
    Map<Instant, HourlyCounts> byHour = new HashMap<>();
    hours.forEach(hour -> byHour.put(hour.hour(), hour));
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder opens = Json.createArrayBuilder();
    JsonArrayBuilder clicks = Json.createArrayBuilder();
    Instant last = hours.get(hours.size() - 1).hour();
    for (Instant hour = hours.get(0).hour();
        !hour.isAfter(last);
        hour = hour.plus(1, ChronoUnit.HOURS)) {
      HourlyCounts counts = byHour.get(hour);
      labels.add(LABEL.format(hour.atZone(zone)));
      opens.add(counts == null ? 0 : counts.opens());
      clicks.add(counts == null ? 0 : counts.clicks());
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(dataset(opensLabel, opens, "#1f5f8b"))
                        .add(dataset(clicksLabel, clicks, "#c2410c"))))
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
      String label, JsonArrayBuilder data, String colour) {
    return Json.createObjectBuilder()
        .add("label", label)
        .add("data", data)
        .add("borderColor", colour)
        .add("backgroundColor", colour)
        .add("tension", 0.2)
        .add("fill", false);
  }
}
