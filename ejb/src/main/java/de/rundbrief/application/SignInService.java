package de.rundbrief.application;

import jakarta.ejb.Local;
import java.util.Set;

/** Decides, before a session starts, whether a user may sign in at all. */
@Local
public interface SignInService {

  /**
   * True for central staff and for members of at least one active tenant; false for a user whose
   * groups give no Rundbrief role, or only roles in deactivated or unknown tenants.
   */
  boolean maySignIn(Set<String> realmGroups);
}
