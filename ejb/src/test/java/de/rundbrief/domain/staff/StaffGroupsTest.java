package de.rundbrief.domain.staff;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.domain.tenant.TenantKey;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffGroupsTest {

  private static final TenantKey NORD = TenantKey.of("nord");
  private static final TenantKey SUED = TenantKey.of("sued");

  @Test
  void centralGroupsGiveCentralRolesInEveryTenant() {
    StaffMember admin = StaffGroups.member("admin", Set.of("rundbrief-central-admin"));
    assertThat(admin.isCentral()).isTrue();
    assertThat(admin.rolesIn(SUED)).containsExactly(StaffRole.CENTRAL_ADMIN);
    assertThat(admin.isMemberOf(SUED)).isFalse();
  }

  @Test
  void aTenantRoleHoldsOnlyInItsTenantAndIncludesTheWeakerOnes() {
    StaffMember editor = StaffGroups.member("e", Set.of("rundbrief-nord-editor"));
    assertThat(editor.isCentral()).isFalse();
    assertThat(editor.rolesIn(NORD))
        .containsExactlyInAnyOrder(StaffRole.TENANT_EDITOR, StaffRole.TENANT_VIEWER);
    assertThat(editor.rolesIn(SUED)).isEmpty();
    assertThat(editor.roleNames()).containsExactlyInAnyOrder("tenant-editor", "tenant-viewer");
  }

  @Test
  void rolesInSeveralTenantsStayApart() {
    StaffMember member =
        StaffGroups.member("m", Set.of("rundbrief-nord-admin", "rundbrief-sued-viewer"));
    assertThat(member.rolesIn(NORD)).contains(StaffRole.TENANT_ADMIN, StaffRole.TENANT_EDITOR);
    assertThat(member.rolesIn(SUED)).containsExactly(StaffRole.TENANT_VIEWER);
    assertThat(member.memberTenants()).containsExactly(NORD, SUED);
  }

  @Test
  void otherGroupsAndRoleNamesGiveNothing() {
    StaffMember nobody =
        StaffGroups.member(
            "x",
            Set.of(
                "users",
                "tenant-editor",
                "central-admin",
                "rundbrief-nord-owner",
                "rundbrief-Nord-editor",
                "x"));
    assertThat(nobody.isCentral()).isFalse();
    assertThat(nobody.memberships()).isEmpty();
  }

  @Test
  void groupForIsTheInverse() {
    String group = StaffGroups.groupFor(SUED, StaffRole.TENANT_VIEWER);
    assertThat(group).isEqualTo("rundbrief-sued-viewer");
    assertThat(StaffGroups.member("v", Set.of(group)).rolesIn(SUED))
        .containsExactly(StaffRole.TENANT_VIEWER);
  }
}
