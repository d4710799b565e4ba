package de.rundbrief.web.mailings;

import de.rundbrief.domain.tracking.TrackingStatistics.HourlyCounts;
import de.rundbrief.web.shell.ChartJs;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A mailing's opens and clicks over time as a line chart: one point per hour from the first to the
 * last, hours without any shown as 0.
 */
final class TimelineChart {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd.MM. HH:mm");

  private TimelineChart() {}

  static String of(List<HourlyCounts> hours, ZoneId zone, String opensLabel, String clicksLabel) {
    Map<Instant, HourlyCounts> byHour = new HashMap<>();
    hours.forEach(hour -> byHour.put(hour.hour(), hour));
    List<String> labels = new ArrayList<>();
    List<Long> opens = new ArrayList<>();
    List<Long> clicks = new ArrayList<>();
    Instant last = hours.get(hours.size() - 1).hour();
    for (Instant hour = hours.get(0).hour();
        !hour.isAfter(last);
        hour = hour.plus(1, ChronoUnit.HOURS)) {
      HourlyCounts counts = byHour.get(hour);
      labels.add(LABEL.format(hour.atZone(zone)));
      opens.add(counts == null ? 0 : counts.opens());
      clicks.add(counts == null ? 0 : counts.clicks());
    }
    return ChartJs.of(
        "line",
        labels,
        List.of(
            new ChartJs.Series(opensLabel, opens, "#1f5f8b"),
            new ChartJs.Series(clicksLabel, clicks, "#c2410c")));
  }
}
