package de.rundbrief.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Locale;
import java.util.Set;

/**
 * Checks a form's input against the service's own Bean Validation constraints before the call, and
 * shows each violation next to its field in the view's language: the constraints are declared once,
 * on the service's input record.
 */
@ApplicationScoped
public class InputCheck {

  @Inject private ValidatorFactory validation;

  /**
   * @param form the client id of the form whose inputs are named like the record's components
   * @return whether the input is valid
   */
  public <T> boolean valid(T input, String form) {
    Set<ConstraintViolation<T>> violations = validatorFor(viewLocale()).validate(input);
    for (ConstraintViolation<T> violation : violations) {
      Messages.fieldError(form + ":" + violation.getPropertyPath(), violation.getMessage());
    }
    return violations.isEmpty();
  }

  private Validator validatorFor(Locale locale) {
    MessageInterpolator interpolator = validation.getMessageInterpolator();
    return validation
        .usingContext()
        .messageInterpolator(
            new MessageInterpolator() {
              @Override
              public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
              }

              @Override
              public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
              }
            })
        .getValidator();
  }

  private static Locale viewLocale() {
    return FacesContext.getCurrentInstance().getViewRoot().getLocale();
  }
}
