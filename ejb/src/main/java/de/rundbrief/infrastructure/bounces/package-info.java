/**
 * Reading the bounce mailbox: what each message in it says (bounce, auto-reply, complaint) and
 * about which recipient, told by the signed Return-Path that Rundbrief sent with.
 */
package de.rundbrief.infrastructure.bounces;
