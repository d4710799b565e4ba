/** The fields screen: tenant administrators define their subscribers' fields. */
package de.rundbrief.web.attributes;
