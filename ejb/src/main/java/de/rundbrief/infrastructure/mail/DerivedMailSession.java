package de.rundbrief.infrastructure.mail;

import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Map;
import java.util.Properties;

/**
 * A mail session made from the shared one that IT configured: the same properties, with a few set
 * or replaced, and the same credentials, asked of the shared session whenever the server wants
 * them. The shared session itself is never changed.
 */
public final class DerivedMailSession {

  private DerivedMailSession() {}

  /**
   * @param shared the session IT configured
   * @param replaced properties to set, whatever the shared session says
   * @param defaults properties to set only where the shared session says nothing
   */
  public static Session of(Session shared, Map<String, ?> replaced, Map<String, ?> defaults) {
    Properties properties = new Properties();
    defaults.forEach(properties::put);
    properties.putAll(shared.getProperties());
    replaced.forEach(properties::put);
    return Session.getInstance(
        properties,
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return shared.requestPasswordAuthentication(
                getRequestingSite(),
                getRequestingPort(),
                getRequestingProtocol(),
                getRequestingPrompt(),
                getDefaultUserName());
          }
        });
  }
}
