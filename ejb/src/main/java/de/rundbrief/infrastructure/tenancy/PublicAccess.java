package de.rundbrief.infrastructure.tenancy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method the public reaches without signing in (subscription forms, confirmation and unsubscribe
 * links) inside the tenant its arguments name. The tenant guard lets anyone in, as long as that
 * tenant exists and is active, and binds the call to it like any other.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicAccess {}
