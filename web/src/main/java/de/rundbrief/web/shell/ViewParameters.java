package de.rundbrief.web.shell;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * The staff template's check of every view's address before the view renders: a parameter that
 * cannot be read answers 404 (see {@link Views#refuseUnreadableParameters}).
 */
@Named
@ApplicationScoped
public class ViewParameters {

  public void check() throws IOException {
    Views.refuseUnreadableParameters();
  }
}
