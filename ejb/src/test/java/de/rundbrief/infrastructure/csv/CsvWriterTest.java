package de.rundbrief.infrastructure.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvWriterTest {

  @Test
  void writesPlainFieldsBareWithCrLfAfterEveryRecord() throws IOException {
    assertThat(written(',', new String[] {"email", "name"}, new String[] {"a@x.de", "Anna"}))
        .isEqualTo("email,name\r\na@x.de,Anna\r\n");
  }

  @Test
  void quotesFieldsWithSeparatorQuoteOrLineBreakAndDoublesQuotes() throws IOException {
    assertThat(written(',', new String[] {"a,b", "sagt \"hi\"", "x\ny", "x\ry", "a;b", "\""}))
        .isEqualTo("\"a,b\",\"sagt \"\"hi\"\"\",\"x\ny\",\"x\ry\",a;b,\"\"\"\"\r\n");
  }

  @Test
  void semicolonSeparatorQuotesSemicolonsButNotCommas() throws IOException {
    assertThat(written(';', new String[] {"Müller, Anna", "a;b", "c"}))
        .isEqualTo("Müller, Anna;\"a;b\";c\r\n");
  }

  @Test
  void nullAndEmptyAreEmptyFields() throws IOException {
    assertThat(written(',', new String[] {"a", null, "", null})).isEqualTo("a,,,\r\n");
  }

  static Stream<Arguments> formulaCells() {
    return Stream.of(
        Arguments.of("=1+1", "'=1+1"),
        Arguments.of("+49 30 1234567", "'+49 30 1234567"),
        Arguments.of("-x", "'-x"),
        Arguments.of("-5", "'-5"),
        Arguments.of("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        Arguments.of("\tcmd", "'\tcmd"),
        Arguments.of("\rcmd", "\"'\rcmd\""),
        Arguments.of(
            "=HYPERLINK(\"http://evil.example\",\"Klick\")",
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Klick\"\")\""));
  }

  @ParameterizedTest
  @MethodSource("formulaCells")
  void cellThatASpreadsheetWouldRunGetsALeadingApostrophe(String cell, String expected)
      throws IOException {
    assertThat(written(',', new String[] {cell})).isEqualTo(expected + "\r\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a=b", "x-1", "'text", " =1+1", "Anna@example.org"})
  void cellsThatStartOtherwiseAreLeftAlone(String cell) throws IOException {
    assertThat(written(',', new String[] {cell})).isEqualTo(cell + "\r\n");
  }

  @Test
  void byteOrderMarkOnlyWhenAskedFor() throws IOException {
    ByteArrayOutputStream withMark = new ByteArrayOutputStream();
    ByteArrayOutputStream without = new ByteArrayOutputStream();

    try (CsvWriter writer = CsvWriter.builder().byteOrderMark(true).open(withMark)) {
      writer.writeRow("ä");
    }
    try (CsvWriter writer = CsvWriter.builder().open(without)) {
      writer.writeRow("ä");
    }

    assertThat(withMark.toByteArray()).containsExactly(0xEF, 0xBB, 0xBF, 0xC3, 0xA4, '\r', '\n');
    assertThat(without.toByteArray()).containsExactly(0xC3, 0xA4, '\r', '\n');
  }

  @Test
  void writesUtf8() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (CsvWriter writer = CsvWriter.builder().open(out)) {
      writer.writeRow("Jürgen", "Grüße 😀");
    }

    assertThat(out.toString(UTF_8)).isEqualTo("Jürgen,Grüße 😀\r\n");
  }

  @Test
  void byteOrderMarkToACharacterStreamIsTheCharacterFeff() throws IOException {
    StringWriter out = new StringWriter();

    try (CsvWriter writer = CsvWriter.builder().byteOrderMark(true).open(out)) {
      writer.writeRow("a");
    }

    assertThat(out).hasToString("\uFEFFa\r\n");
  }

  @Test
  void onlyCommaAndSemicolonAreSeparators() {
    assertThatThrownBy(() -> CsvWriter.builder().separator('\t'))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String written(char separator, String[]... rows) throws IOException {
    StringWriter out = new StringWriter();
    try (CsvWriter writer = CsvWriter.builder().separator(separator).open(out)) {
      for (String[] row : rows) {
        writer.writeRow(row);
      }
    }
    return out.toString();
  }
}
