package de.rundbrief.web.statistics;

import de.rundbrief.domain.statistics.GrowthDay;
import de.rundbrief.domain.statistics.Period;
import de.rundbrief.web.shell.ChartJs;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Growth per day as a bar chart: one bar group per day of the period, days without any as 0. */
final class GrowthChart {

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("dd.MM.");
  private static final List<ToLongFunction<GrowthDay>> VALUES =
      List.of(
          GrowthDay::subscriptions,
          GrowthDay::confirmations,
          GrowthDay::unsubscribes,
          GrowthDay::bounces);
  private static final List<String> COLOURS = List.of("#1f5f8b", "#15803d", "#c2410c", "#6b7280");

  private GrowthChart() {}

  /**
   * @param names the names of sign-ups, confirmations, unsubscribes and bounces, in the screen's
   *     language
   */
  static String of(List<GrowthDay> days, Period period, List<String> names) {
    Map<LocalDate, GrowthDay> byDay = new HashMap<>();
    days.forEach(day -> byDay.put(day.day(), day));
    List<String> labels = new ArrayList<>();
    for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
      labels.add(LABEL.format(day));
    }
    List<ChartJs.Series> series = new ArrayList<>();
    for (int i = 0; i < VALUES.size(); i++) {
      List<Long> values = new ArrayList<>();
      for (LocalDate day = period.first(); !day.isAfter(period.last()); day = day.plusDays(1)) {
        GrowthDay counts = byDay.get(day);
        values.add(counts == null ? 0 : VALUES.get(i).applyAsLong(counts));
      }
      series.add(new ChartJs.Series(names.get(i), values, COLOURS.get(i)));
    }
    return ChartJs.of("bar", labels, series);
  }
}
