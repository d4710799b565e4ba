package de.rundbrief.web.security;

import de.rundbrief.domain.staff.StaffGroups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;

/**
 * Adds the container roles that the realm groups give (see {@link StaffGroups}); the realm groups
 * themselves stay with the caller, so that services can tell in which tenant a role holds.
 */
@ApplicationScoped
public class StaffRoleMapping implements IdentityStore {

  @Override
  public Set<String> getCallerGroups(CredentialValidationResult validationResult) {
    return StaffGroups.member(
            validationResult.getCallerPrincipal().getName(), validationResult.getCallerGroups())
        .roleNames();
  }

  @Override
  public Set<ValidationType> validationTypes() {
    return EnumSet.of(ValidationType.PROVIDE_GROUPS);
  }
}
