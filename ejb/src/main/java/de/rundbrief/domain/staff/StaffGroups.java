package de.rundbrief.domain.staff;

import de.rundbrief.domain.tenant.TenantKey;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads roles and tenant memberships from the names of the realm groups a user is in. IT creates
 * the groups in the server's realm (file, LDAP or JDBC) by this convention:
 *
 * <table>
 *   <caption>Group names</caption>
 *   <tr><th>group</th><th>gives</th></tr>
 *   <tr><td>{@code rundbrief-central-admin}</td><td>central administrator</td></tr>
 *   <tr><td>{@code rundbrief-central-marketing}</td><td>central marketing</td></tr>
 *   <tr><td>{@code rundbrief-<tenant>-admin}</td><td>tenant administrator of {@code <tenant>}</td></tr>
 *   <tr><td>{@code rundbrief-<tenant>-editor}</td><td>tenant editor of {@code <tenant>}</td></tr>
 *   <tr><td>{@code rundbrief-<tenant>-viewer}</td><td>tenant viewer of {@code <tenant>}</td></tr>
 * </table>
 *
 * <p>Other groups are ignored. A user in no such group cannot sign in.
 */
public final class StaffGroups {

  public static final String PREFIX = "rundbrief-";

  private static final Pattern TENANT_GROUP =
      Pattern.compile(Pattern.quote(PREFIX) + "(" + TenantKey.PATTERN + ")-(admin|editor|viewer)");

  private StaffGroups() {}

  public static StaffMember member(String name, Set<String> groups) {
    Set<StaffRole> central = EnumSet.noneOf(StaffRole.class);
    Map<TenantKey, Set<StaffRole>> memberships = new HashMap<>();
    for (String group : groups) {
      if (group.equals(PREFIX + "central-admin")) {
        central.add(StaffRole.CENTRAL_ADMIN);
        continue;
      }
      if (group.equals(PREFIX + "central-marketing")) {
        central.add(StaffRole.CENTRAL_MARKETING);
        continue;
      }
      Matcher matcher = TENANT_GROUP.matcher(group);
      if (matcher.matches() && TenantKey.isValid(matcher.group(1))) {
        StaffRole role =
            switch (matcher.group(2)) {
              case "admin" -> StaffRole.TENANT_ADMIN;
              case "editor" -> StaffRole.TENANT_EDITOR;
              default -> StaffRole.TENANT_VIEWER;
            };
        memberships
            .computeIfAbsent(TenantKey.of(matcher.group(1)), key -> EnumSet.noneOf(StaffRole.class))
            .addAll(role.withImplied());
      }
    }
    return new StaffMember(name, central, memberships);
  }

  /** The group that gives {@code role} in {@code tenant}. */
  public static String groupFor(TenantKey tenant, StaffRole role) {
    return switch (role) {
      case TENANT_ADMIN -> PREFIX + tenant + "-admin";
      case TENANT_EDITOR -> PREFIX + tenant + "-editor";
      case TENANT_VIEWER -> PREFIX + tenant + "-viewer";
      default -> throw new IllegalArgumentException(role + " is not a tenant role");
    };
  }
}
