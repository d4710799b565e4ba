package de.rundbrief.domain.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriberTest {

  private static final Instant AT = Instant.parse("2026-11-28T08:00:00Z");

  @Test
  void namesWithAnyKindOfLineBreakOrControlCharacterAreRefused() {
    Subscriber ada = new Subscriber(EmailAddress.of("ada@example.org"), "Ada", "Lovelace", AT);
    for (String name :
        new String[] {
          "Ada\r\nBcc: x", "Ada\tL", "Ada\u0085L", "Ada\u2028L", "Ada\u2029L", "A\u0000"
        }) {
      assertThatThrownBy(() -> ada.rename(name, null))
          .as(name.codePoints().mapToObj(Integer::toHexString).toList().toString())
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(name).doesNotMatch(Subscriber.NAME_PATTERN);
    }
    assertThat(ada.getFirstName()).isEqualTo("Ada");
  }

  @Test
  void namesInAnyScriptAreKeptStrippedAndABlankNameIsNone() {
    Subscriber ada = new Subscriber(EmailAddress.of("ada@example.org"), null, null, AT);

    ada.rename("  Zoë Ößmann-Łukasz 李 ", " ");

    assertThat(ada.getFirstName()).isEqualTo("Zoë Ößmann-Łukasz 李");
    assertThat(ada.getLastName()).isNull();
    assertThat("Zoë Ößmann-Łukasz 李").matches(Subscriber.NAME_PATTERN);
  }
}
