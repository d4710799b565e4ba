package de.rundbrief.infrastructure.security;

import de.rundbrief.domain.staff.StaffGroups;
import de.rundbrief.domain.staff.StaffMember;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in member of staff of the current call. Roles and tenant memberships come from the
 * realm groups in the caller's subject (see {@link StaffGroups}), not from anything a request says.
 */
@ApplicationScoped
public class Callers {

  @Inject private SecurityContext securityContext;

  public StaffMember current() {
    Principal caller = securityContext.getCallerPrincipal();
    if (caller == null) {
      return StaffMember.anonymous();
    }
    Set<String> principalNames =
        securityContext.getPrincipalsByType(Principal.class).stream()
            .map(Principal::getName)
            .collect(Collectors.toSet());
    return StaffGroups.member(caller.getName(), principalNames);
  }
}
