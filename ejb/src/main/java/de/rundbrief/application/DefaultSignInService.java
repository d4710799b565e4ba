package de.rundbrief.application;

import de.rundbrief.domain.staff.StaffGroups;
import de.rundbrief.domain.staff.StaffMember;
import de.rundbrief.domain.tenant.Tenant;
import de.rundbrief.domain.tenant.TenantRepository;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

@Stateless
public class DefaultSignInService implements SignInService {

  @Inject private TenantRepository tenants;

  @Override
  @PermitAll
  public boolean maySignIn(Set<String> realmGroups) {
    StaffMember member = StaffGroups.member("signing-in", realmGroups);
    if (member.isCentral()) {
      return true;
    }
    return member.memberTenants().stream()
        .map(tenants::find)
        .flatMap(Optional::stream)
        .anyMatch(Tenant::isActive);
  }
}
