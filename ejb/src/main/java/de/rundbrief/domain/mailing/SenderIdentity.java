package de.rundbrief.domain.mailing;

import de.rundbrief.domain.subscriber.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The from-name and address a mailing is sent with ("Absender"). */
@Embeddable
public class SenderIdentity implements Serializable {

  public static final int NAME_MAX_LENGTH = 200;

  @Column(name = "SENDER_NAME", length = NAME_MAX_LENGTH)
  private String name;

  @Column(name = "SENDER_ADDRESS", nullable = false, length = EmailAddress.MAX_LENGTH)
  private String address;

  protected SenderIdentity() {}

  /**
   * @throws de.rundbrief.domain.subscriber.InvalidEmailAddressException if the address is none
   */
  public SenderIdentity(String name, String address) {
    String stripped = name == null || name.isBlank() ? null : name.strip();
    if (stripped != null
        && (stripped.length() > NAME_MAX_LENGTH || stripped.matches(".*[\\r\\n].*"))) {
      throw new InvalidMailingException(
          "A sender name has one line of at most " + NAME_MAX_LENGTH + " characters");
    }
    this.name = stripped;
    this.address = EmailAddress.of(address).value();
  }

  /** The name, or {@code null} to send with the address alone. */
  public String name() {
    return name;
  }

  public String address() {
    return address;
  }

  public String domain() {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  public String getName() {
    return name;
  }

  public String getAddress() {
    return address;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SenderIdentity that
        && Objects.equals(name, that.name)
        && address.equals(that.address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, address);
  }

  @Override
  public String toString() {
    return name == null ? address : name + " <" + address + ">";
  }
}
