package de.rundbrief.infrastructure.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method whose every call the tenant guard records in the audit log, whoever calls it
 * (central staff's calls inside tenants are recorded anyway): erasing a subscriber, say.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {}
