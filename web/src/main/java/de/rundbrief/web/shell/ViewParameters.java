package de.rundbrief.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The staff template's check of every view's address before the view renders: a parameter that
 * cannot be read ({@code id=abc}, a number too big) answers 404, as for an unknown record. Faces
 * would skip the view's load action and show the page empty. On a postback it does nothing: there a
 * failed check is the form's to show.
 */
@Named
@ApplicationScoped
public class ViewParameters {

  public void check() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!faces.isPostback() && faces.isValidationFailed()) {
      Views.notFound();
    }
  }
}
