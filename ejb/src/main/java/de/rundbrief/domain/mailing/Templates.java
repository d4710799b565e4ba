package de.rundbrief.domain.mailing;

import java.util.List;
import java.util.Optional;

/** The templates the current tenant may use: its own, and the shared ones. */
public interface Templates {

  List<MailingTemplate> ofTenant();

  Optional<MailingTemplate> findOfTenant(long id);

  Optional<MailingTemplate> findOfTenantByName(String name);

  void add(MailingTemplate template);

  void remove(MailingTemplate template);

  /** Every shared template; only {@code published} ones where {@code publishedOnly}. */
  List<SharedTemplate> shared(boolean publishedOnly);

  Optional<SharedTemplate> findShared(long id);

  Optional<SharedTemplate> findSharedByName(String name);

  void add(SharedTemplate template);

  void remove(SharedTemplate template);

  /**
   * @throws InvalidMailingException unless the name is one line of 1 to 200 characters
   */
  static String checkedName(String name) {
    if (name == null || name.isBlank() || name.strip().length() > Mailing.NAME_MAX_LENGTH) {
      throw new InvalidMailingException(
          "A template needs a name of at most " + Mailing.NAME_MAX_LENGTH + " characters");
    }
    return name.strip();
  }
}
