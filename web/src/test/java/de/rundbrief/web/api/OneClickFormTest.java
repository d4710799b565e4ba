package de.rundbrief.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import de.rundbrief.web.api.OneClickForm.Refusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OneClickFormTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String MULTIPART = "multipart/form-data; boundary=XyZ";

  @Test
  void theCommandIsReadUrlEncodedAndAsMultipartAsMailReceiversSendIt() {
    for (String[] accepted :
        new String[][] {
          {FORM, "List-Unsubscribe=One-Click"},
          {FORM + "; charset=UTF-8", "List-Unsubscribe=One-Click"},
          {"Application/X-WWW-Form-Urlencoded", "List-Unsubscribe=One-Click\r\n"},
          {FORM, "a=b&List-Unsubscribe=One%2DClick"},
          {MULTIPART, part("XyZ", "form-data; name=\"List-Unsubscribe\"", "One-Click")},
          {
            "multipart/form-data; boundary=\"XyZ\"",
            part("XyZ", "form-data; name=List-Unsubscribe", "One-Click")
          },
          {
            MULTIPART,
            "preamble\r\n--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n"
                + part("XyZ", "form-data; name=\"List-Unsubscribe\"", "One-Click")
          },
          {
            MULTIPART,
            "--XyZ\r\ncontent-disposition: form-data; name=\"List-Unsubscribe\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nOne-Click\r\n--XyZ--"
          }
        }) {
      assertThat(OneClickForm.check(accepted[0], bytes(accepted[1])))
          .as(accepted[0] + " " + accepted[1])
          .isEmpty();
    }
  }

  @Test
  void anEmptyBodyOrAFormWithoutTheCommandIsABadRequest() {
    for (String[] refused :
        new String[][] {
          {null, ""},
          {"text/plain", ""},
          {FORM, ""},
          {MULTIPART, ""},
          {FORM, "List-Unsubscribe=Yes"},
          {FORM, "list-unsubscribe=One-Click"},
          {FORM, "List-Unsubscribe"},
          {FORM, "List-Unsubscribe=%E"},
          {MULTIPART, part("XyZ", "form-data; name=\"List-Unsubscribe\"", "No")},
          {MULTIPART, part("XyZ", "form-data; filename=\"List-Unsubscribe\"", "One-Click")},
          {MULTIPART, part("XyZ", "attachment; name=\"List-Unsubscribe\"", "One-Click")},
          {MULTIPART, part("Other", "form-data; name=\"List-Unsubscribe\"", "One-Click")},
          {
            MULTIPART, "--XyZ\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"One-Click"
          },
          {"multipart/form-data", part("XyZ", "form-data; name=\"List-Unsubscribe\"", "One-Click")},
          {"multipart/form-data; boundary=" + "b".repeat(71), "List-Unsubscribe=One-Click"}
        }) {
      assertThat(OneClickForm.check(refused[0], bytes(refused[1])))
          .as(refused[0] + " " + refused[1])
          .get()
          .extracting(Refusal::status)
          .isEqualTo(400);
    }
  }

  @Test
  void anyOtherContentTypeOrNoneIsUnsupported() {
    for (String type :
        new String[] {
          null,
          " ",
          "text/plain",
          "application/json",
          "*/*",
          "multipart/*",
          "not a type;;",
          "multipart/mixed; boundary=XyZ"
        }) {
      assertThat(OneClickForm.check(type, bytes("List-Unsubscribe=One-Click")))
          .as(type)
          .contains(
              new Refusal(
                  415,
                  "Send List-Unsubscribe=One-Click as application/x-www-form-urlencoded or"
                      + " multipart/form-data"));
    }
  }

  @Test
  void aBodyLongerThanTheLimitIsTooLarge() {
    byte[] tooLong = bytes("List-Unsubscribe=One-Click&x=" + "x".repeat(OneClickForm.MAX_BYTES));
    assertThat(OneClickForm.check(FORM, tooLong))
        .contains(new Refusal(413, "The body is too large for List-Unsubscribe=One-Click"));
    byte[] atTheLimit = new byte[OneClickForm.MAX_BYTES];
    byte[] command = bytes("List-Unsubscribe=One-Click&x=");
    System.arraycopy(command, 0, atTheLimit, 0, command.length);
    java.util.Arrays.fill(atTheLimit, command.length, atTheLimit.length, (byte) 'x');
    assertThat(OneClickForm.check(FORM, atTheLimit)).as("exactly the limit").isEmpty();
  }

  private static String part(String boundary, String disposition, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: "
        + disposition
        + "\r\n\r\n"
        + value
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
