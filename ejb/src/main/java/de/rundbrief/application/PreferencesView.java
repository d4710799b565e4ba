package de.rundbrief.application;

import java.io.Serializable;
import java.util.List;

/** The lists a subscriber is on or waiting to join, for its preference page. */
public record PreferencesView(String tenantName, String maskedEmail, List<Entry> lists)
    implements Serializable {

  /** One list and whether the subscriber is on it (or waiting to be). */
  public record Entry(long listId, String listName, boolean member) implements Serializable {

    public long getListId() {
      return listId;
    }

    public String getListName() {
      return listName;
    }

    public boolean isMember() {
      return member;
    }
  }

  public String getTenantName() {
    return tenantName;
  }

  public String getMaskedEmail() {
    return maskedEmail;
  }

  public List<Entry> getLists() {
    return lists;
  }
}
