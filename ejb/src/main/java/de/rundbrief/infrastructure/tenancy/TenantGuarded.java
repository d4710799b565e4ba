package de.rundbrief.infrastructure.tenancy;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a service under the {@link TenantGuard}: a method with a {@link
 * de.rundbrief.domain.tenant.TenantKey} parameter works in that tenant, one marked {@link
 * AcrossTenants} in every tenant the caller may read, any other in no tenant at all.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface TenantGuarded {}
