/**
 * Lists ("Verteiler") that subscribers join and leave, and subscriptions: a subscriber's membership
 * of one list with its status. Both are tenant-owned.
 */
package de.rundbrief.domain.mailinglist;
