package de.rundbrief.application;

import java.io.Serializable;

/** A public list as its subscription form shows it. */
public record PublicListView(
    String tenantName,
    long listId,
    String listName,
    String description,
    String consentText,
    int consentTextVersion)
    implements Serializable {

  public String getTenantName() {
    return tenantName;
  }

  public String getListName() {
    return listName;
  }

  public String getDescription() {
    return description;
  }

  public String getConsentText() {
    return consentText;
  }

  public int getConsentTextVersion() {
    return consentTextVersion;
  }
}
