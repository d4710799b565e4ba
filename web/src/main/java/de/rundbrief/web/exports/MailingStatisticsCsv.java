package de.rundbrief.web.exports;

import de.rundbrief.domain.tracking.MailingStatistics;
import de.rundbrief.infrastructure.csv.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * A mailing's statistics as CSV, the same for the API and the cockpit's download: one row per
 * figure, then one row per link of the body, then one row per hour with opens and clicks of people.
 */
public final class MailingStatisticsCsv {

  private MailingStatisticsCsv() {}

  public static void write(MailingStatistics s, CsvWriter.Builder format, OutputStream out)
      throws IOException {
    try (CsvWriter csv = format.open(out)) {
      csv.writeRow("figure", "value");
      row(csv, "sent", s.sent());
      row(csv, "failed", s.failed());
      row(csv, "delivered", s.delivered());
      row(csv, "hard bounces", s.bounces().hard());
      row(csv, "soft bounces", s.bounces().soft());
      row(csv, "complaints", s.bounces().complaints());
      row(csv, "unsubscribes", s.unsubscribes());
      row(csv, "unique opens", s.opens().unique());
      row(csv, "opens", s.opens().total());
      row(csv, "machine opens", s.opens().machineTotal());
      row(csv, "unique clicks", s.clicks().unique());
      row(csv, "clicks", s.clicks().total());
      row(csv, "machine clicks", s.clicks().machineTotal());
      csv.writeRow("open rate", rate(s.openRate()));
      csv.writeRow("click rate", rate(s.clickRate()));
      csv.writeRow("clicks per open", rate(s.clickToOpenRate()));
      csv.writeRow("unsubscribe rate", rate(s.unsubscribeRate()));
      csv.writeRow();
      csv.writeRow("link", "address", "clicks", "unique clicks");
      for (MailingStatistics.LinkClicks link : s.links()) {
        csv.writeRow(
            String.valueOf(link.index() + 1),
            link.url(),
            String.valueOf(link.total()),
            String.valueOf(link.unique()));
      }
      csv.writeRow();
      csv.writeRow("hour (UTC)", "opens", "clicks");
      for (var hour : s.timeline()) {
        csv.writeRow(
            hour.hour().toString(), String.valueOf(hour.opens()), String.valueOf(hour.clicks()));
      }
    }
  }

  private static void row(CsvWriter csv, String figure, long value) throws IOException {
    csv.writeRow(figure, String.valueOf(value));
  }

  private static String rate(double rate) {
    return String.format(Locale.ROOT, "%.4f", rate);
  }
}
