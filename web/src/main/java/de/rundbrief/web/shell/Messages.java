package de.rundbrief.web.shell;

import de.rundbrief.domain.TranslatableFailure;
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

  /**
   * A business failure in the view's language, from the key and arguments it carries; an argument
   * that is itself such a failure is put in translated, a missing one as nothing.
   */
  public static String text(TranslatableFailure failure) {
    Object[] arguments = failure.messageArguments().clone();
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] instanceof TranslatableFailure inner) {
        arguments[i] = text(inner);
      } else if (arguments[i] == null) {
        arguments[i] = "";
      }
    }
    return text(failure.messageKey(), arguments);
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
