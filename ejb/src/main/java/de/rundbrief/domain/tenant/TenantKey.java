package de.rundbrief.domain.tenant;

import java.io.Serializable;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The short, stable slug that identifies a tenant ({@code nord}); it is the value of every
 * tenant-owned row's {@code TENANT_ID} and never changes, while the display name may.
 */
public record TenantKey(String value) implements Serializable, Comparable<TenantKey> {

  /** Lower-case letters, digits and inner hyphens, 2 to 32 characters, starting with a letter. */
  public static final String PATTERN = "[a-z][a-z0-9-]{0,30}[a-z0-9]";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  /** Words that staff group names and URLs use for other things. */
  private static final Set<String> RESERVED = Set.of("central", "all", "api");

  public TenantKey {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new InvalidTenantKeyException(value);
    }
    if (RESERVED.contains(value)) {
      throw new InvalidTenantKeyException(value);
    }
  }

  public static TenantKey of(String value) {
    return new TenantKey(value);
  }

  /** True where {@link #of} would accept the value. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches() && !RESERVED.contains(value);
  }

  /** The key as a bean property, for Expression Language (EL 5 does not read record components). */
  public String getValue() {
    return value;
  }

  @Override
  public int compareTo(TenantKey other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
