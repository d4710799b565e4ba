/**
 * The web adapters: Faces views and their backing beans (one package per view folder), the REST API
 * ({@code api}) and the sign-in ({@code security}). Nothing here holds business rules; every action
 * goes through an application service.
 */
package de.rundbrief.web;
