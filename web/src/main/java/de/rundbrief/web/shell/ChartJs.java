package de.rundbrief.web.shell;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * The Chart.js configuration that PrimeFaces' {@code p:chart} takes as its value: one chart of a
 * type, labels along the x axis, and one series per dataset, starting at zero, drawn at once
 * (figures that grow into place would be misread by whoever looks, or screenshots, too early).
 */
public final class ChartJs {

  /** One dataset: its name, one value per label, and its colour. */
  public record Series(String label, List<Long> values, String colour) {}

  private ChartJs() {}

  /**
   * @param type {@code line} or {@code bar}
   */
  public static String of(String type, List<String> labels, List<Series> series) {
    JsonArrayBuilder datasets = Json.createArrayBuilder();
    for (Series one : series) {
      JsonArrayBuilder values = Json.createArrayBuilder();
      one.values().forEach(values::add);
      datasets.add(
          Json.createObjectBuilder()
              .add("label", one.label())
              .add("data", values)
              .add("borderColor", one.colour())
              .add("backgroundColor", one.colour())
              .add("tension", 0.2)
              .add("fill", false));
    }
    return Json.createObjectBuilder()
        .add("type", type)
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder(labels))
                .add("datasets", datasets))
        .add(
            "options",
            Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                    "scales",
                    Json.createObjectBuilder()
                        .add(
                            "y",
                            Json.createObjectBuilder()
                                .add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
        .build()
        .toString();
  }
}
