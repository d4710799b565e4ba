/**
 * Staff: the people who work with Rundbrief, their roles and the tenants they belong to. Users and
 * groups come from the server's security realm that IT configures; {@link
 * de.rundbrief.domain.staff.StaffGroups} reads roles and tenant memberships from the group names.
 */
package de.rundbrief.domain.staff;
