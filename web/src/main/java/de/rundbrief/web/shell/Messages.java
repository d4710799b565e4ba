package de.rundbrief.web.shell;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Texts of the screens' resource bundle, in the view's language, and Faces messages with them. */
public final class Messages {

  public static final String BUNDLE = "de.rundbrief.web.messages";

  private Messages() {}

  public static String text(String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, faces.getViewRoot().getLocale());
    String pattern = bundle.getString(key);
    return arguments.length == 0
        ? pattern
        : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
  }

  public static void info(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
  }

  public static void error(String key, Object... arguments) {
    add(null, FacesMessage.SEVERITY_ERROR, text(key, arguments));
  }

  /** An error shown next to one input of the form ({@code clientId}). */
  public static void fieldError(String clientId, String message) {
    add(clientId, FacesMessage.SEVERITY_ERROR, message);
  }

  private static void add(String clientId, FacesMessage.Severity severity, String summary) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(severity, summary, null));
  }
}
