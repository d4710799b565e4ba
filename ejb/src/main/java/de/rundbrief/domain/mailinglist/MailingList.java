package de.rundbrief.domain.mailinglist;

import de.rundbrief.domain.tenant.TenantOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A list of one tenant that subscribers join and leave. */
@Entity
@Table(name = "MAILING_LIST")
@SequenceGenerator(
    name = "mailing_list_seq",
    sequenceName = "MAILING_LIST_SEQ",
    allocationSize = 50)
public class MailingList extends TenantOwnedEntity {

  public static final int NAME_MAX_LENGTH = 200;
  public static final int DESCRIPTION_MAX_LENGTH = 2000;
  public static final int CONSENT_TEXT_MAX_LENGTH = 4000;

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mailing_list_seq")
  @Column(name = "ID")
  private Long id;

  @Column(name = "NAME", nullable = false, length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "DESCRIPTION", length = 2000)
  private String description;

  @Enumerated(EnumType.STRING)
  @Column(name = "VISIBILITY", nullable = false, length = 16)
  private Visibility visibility;

  @Enumerated(EnumType.STRING)
  @Column(name = "OPT_IN_MODE", nullable = false, length = 16)
  private OptInMode optInMode;

  @Column(name = "CONSENT_TEXT", length = CONSENT_TEXT_MAX_LENGTH)
  private String consentText;

  @Column(name = "CONSENT_TEXT_VERSION", nullable = false)
  private int consentTextVersion;

  @Column(name = "CREATED_AT", nullable = false)
  private OffsetDateTime createdAt;

  @Version
  @Column(name = "VERSION")
  private long version;

  protected MailingList() {}

  /**
   * @param consentText the text a public list's form shows; may be {@code null} for an internal
   *     list
   * @throws ConsentTextRequiredException for a public list without a consent text
   */
  public MailingList(
      String name,
      String description,
      Visibility visibility,
      OptInMode optInMode,
      String consentText,
      Instant at) {
    rename(name);
    describe(description);
    changeAccess(visibility, optInMode, consentText);
    this.createdAt = Objects.requireNonNull(at, "at").atOffset(ZoneOffset.UTC);
  }

  public void rename(String newName) {
    if (newName == null || newName.isBlank() || newName.strip().length() > NAME_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A list needs a name of at most " + NAME_MAX_LENGTH + " characters");
    }
    this.name = newName.strip();
  }

  public void describe(String newDescription) {
    this.description =
        newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
  }

  /**
   * Who may join, how, and the consent text they agree to, changed together: a list may turn public
   * only with a text, and a public list keeps one. A changed text is a new version: consent events
   * record the version and the text a subscriber was shown, so earlier consent keeps its own
   * wording.
   *
   * @return whether the consent text changed
   * @throws ConsentTextRequiredException if the list would be public without a consent text;
   *     nothing is changed then
   */
  public boolean changeAccess(
      Visibility newVisibility, OptInMode newOptInMode, String newConsentText) {
    Objects.requireNonNull(newVisibility, "visibility");
    Objects.requireNonNull(newOptInMode, "optInMode");
    String text =
        newConsentText == null || newConsentText.isBlank() ? null : newConsentText.strip();
    if (text != null && text.length() > CONSENT_TEXT_MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A consent text has at most " + CONSENT_TEXT_MAX_LENGTH + " characters");
    }
    if (newVisibility == Visibility.PUBLIC && text == null) {
      throw new ConsentTextRequiredException();
    }
    this.visibility = newVisibility;
    this.optInMode = newOptInMode;
    if (Objects.equals(text, consentText)) {
      return false;
    }
    this.consentText = text;
    this.consentTextVersion++;
    return true;
  }

  /**
   * Words a new consent text, keeping who may join and how.
   *
   * @return whether the text changed
   * @throws ConsentTextRequiredException if the list is public and the text blank
   */
  public boolean changeConsentText(String newText) {
    return changeAccess(visibility, optInMode, newText);
  }

  /** Open to everyone through the hosted form and the public endpoint. */
  public boolean isPublic() {
    return visibility == Visibility.PUBLIC;
  }

  /**
   * Whether the public may join through a form now: a public list with a consent text. A list made
   * public before a consent text was required may have none, and takes no one until it gets one.
   */
  public boolean takesPublicSubscriptions() {
    return isPublic() && consentText != null;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public OptInMode getOptInMode() {
    return optInMode;
  }

  public String getConsentText() {
    return consentText;
  }

  /** 0 while the list has never had a consent text; counts up with every change. */
  public int getConsentTextVersion() {
    return consentTextVersion;
  }

  public Instant getCreatedAt() {
    return createdAt.toInstant();
  }
}
