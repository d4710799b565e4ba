package de.rundbrief.web.shell;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Shows an instant as local date and time in the view's language. Times are shown in the
 * enterprise's time zone, Europe/Berlin, until shared settings make it configurable.
 */
@FacesConverter("rundbrief.instant")
public class InstantConverter implements Converter<Instant> {

  public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  @Override
  public String getAsString(FacesContext context, UIComponent component, Instant value) {
    if (value == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(context.getViewRoot().getLocale())
        .withZone(ZONE)
        .format(value);
  }

  @Override
  public Instant getAsObject(FacesContext context, UIComponent component, String value) {
    throw new UnsupportedOperationException("Instants are shown, not entered");
  }
}
