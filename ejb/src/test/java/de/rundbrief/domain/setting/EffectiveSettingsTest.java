package de.rundbrief.domain.setting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

  @Test
  void builtInDefaultAppliesWhereNothingIsSet() {
    EffectiveSettings settings = EffectiveSettings.defaults();

    assertEquals("4", settings.text(SettingKey.SENDING_CONNECTIONS));
    assertEquals(4, settings.number(SettingKey.SENDING_CONNECTIONS));
    assertEquals("", settings.text(SettingKey.SENDER_ADDRESS));
    assertEquals(SettingSource.DEFAULT, settings.source(SettingKey.SENDER_ADDRESS));
  }

  @Test
  void serverConfigurationReplacesTheBuiltInDefault() {
    EffectiveSettings settings =
        EffectiveSettings.resolve(
            Map.of(SettingKey.PUBLIC_BASE_URL, "https://news.example.com"),
            Map.of(),
            Set.of(),
            Map.of());

    assertEquals("https://news.example.com", settings.text(SettingKey.PUBLIC_BASE_URL));
    assertEquals(SettingSource.DEFAULT, settings.source(SettingKey.PUBLIC_BASE_URL));
  }

  @Test
  void tenantValueCountsOnlyWhereCentralAdministratorsAllowIt() {
    Map<SettingKey, String> global =
        Map.of(SettingKey.SENDER_NAME, "Konzern", SettingKey.REPLY_TO, "info@konzern.de");
    Map<SettingKey, String> tenant =
        Map.of(SettingKey.SENDER_NAME, "Nord", SettingKey.REPLY_TO, "info@nord.de");

    EffectiveSettings settings =
        EffectiveSettings.resolve(Map.of(), global, Set.of(SettingKey.SENDER_NAME), tenant);

    assertEquals("Nord", settings.text(SettingKey.SENDER_NAME));
    assertEquals(SettingSource.TENANT, settings.source(SettingKey.SENDER_NAME));
    assertEquals("info@konzern.de", settings.text(SettingKey.REPLY_TO));
    assertEquals(SettingSource.GLOBAL, settings.source(SettingKey.REPLY_TO));
  }

  @Test
  void tenantCannotOverrideAGlobalOnlySettingEvenWhenListedAsAllowed() {
    EffectiveSettings settings =
        EffectiveSettings.resolve(
            Map.of(),
            Map.of(SettingKey.SENDING_CONNECTIONS, "8"),
            Set.of(SettingKey.SENDING_CONNECTIONS),
            Map.of(SettingKey.SENDING_CONNECTIONS, "80"));

    assertEquals(8, settings.number(SettingKey.SENDING_CONNECTIONS));
    assertEquals(SettingSource.GLOBAL, settings.source(SettingKey.SENDING_CONNECTIONS));
  }

  @Test
  void blankTenantValueFallsBackToTheGlobalOne() {
    EffectiveSettings settings =
        EffectiveSettings.resolve(
            Map.of(),
            Map.of(SettingKey.SENDER_NAME, "Konzern"),
            Set.of(SettingKey.SENDER_NAME),
            Map.of(SettingKey.SENDER_NAME, "  "));

    assertEquals("Konzern", settings.text(SettingKey.SENDER_NAME));
  }

  @Test
  void senderDomainMustBeListedExactly() {
    EffectiveSettings settings =
        EffectiveSettings.resolve(
            Map.of(),
            Map.of(SettingKey.ALLOWED_SENDER_DOMAINS, "news.konzern.de\n\n  nord.example \n"),
            Set.of(),
            Map.of());

    assertEquals(
        List.of("news.konzern.de", "nord.example"),
        settings.lines(SettingKey.ALLOWED_SENDER_DOMAINS));
    assertTrue(settings.allowsSender("info@News.Konzern.de"));
    assertTrue(settings.allowsSender("a@nord.example"));
    assertFalse(settings.allowsSender("a@konzern.de"));
    assertFalse(settings.allowsSender("a@evil.news.konzern.de"));
    assertFalse(settings.allowsSender("nord.example"));
    assertFalse(settings.allowsSender(null));
  }
}
