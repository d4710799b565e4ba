/** The statistics screen: growth over time, and tenants side by side for central staff. */
package de.rundbrief.web.statistics;
