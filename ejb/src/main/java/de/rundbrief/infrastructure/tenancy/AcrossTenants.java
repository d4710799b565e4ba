package de.rundbrief.infrastructure.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A central read across every tenant. The guard passes the tenants to the database explicitly;
 * row-level security stays on.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcrossTenants {}
