/** The segments screen: rules built from selects, with a live count of who they select. */
package de.rundbrief.web.segments;
