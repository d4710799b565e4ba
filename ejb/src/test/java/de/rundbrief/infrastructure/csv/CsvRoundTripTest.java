package de.rundbrief.infrastructure.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvRoundTripTest {

  private static final List<String> HEADER = List.of("E-Mail", "Name", "Notiz");

  @ParameterizedTest
  @CsvSource({"',', false", "';', true", "',', true", "';', false"})
  void whatTheWriterWritesTheReaderReadsBackApartFromTheApostrophe(
      char separator, boolean byteOrderMark) throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (CsvWriter writer =
        CsvWriter.builder().separator(separator).byteOrderMark(byteOrderMark).open(file)) {
      writer.writeRow(HEADER);
      writer.writeRow("juergen@example.de", "Jürgen Müller", "Zeile eins\nZeile zwei");
      writer.writeRow("a@x.de", "Sagt \"Hallo\"; und, tschüss", "\r\nzwischen CRLF\r\n");
      writer.writeRow("emoji@x.de", "😀 Grüße", "=HYPERLINK(\"http://evil.example\",\"Klick\")");
      writer.writeRow("b@x.de", "", "-5");
      writer.writeRow("c@x.de", null, "@SUM(1+1)");
      writer.writeRow("d@x.de", "\"", ";,");
    }

    List<List<String>> read;
    try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(file.toByteArray()))) {
      assertThat(reader.separator()).isEqualTo(separator);
      assertThat(reader.header()).isEqualTo(HEADER);
      read = CsvReaderTest.all(reader).stream().map(row -> ((CsvRecord) row).fields()).toList();
    }

    assertThat(read)
        .containsExactly(
            row("juergen@example.de", "Jürgen Müller", "Zeile eins\nZeile zwei"),
            row("a@x.de", "Sagt \"Hallo\"; und, tschüss", "'\r\nzwischen CRLF\r\n"),
            row("emoji@x.de", "😀 Grüße", "'=HYPERLINK(\"http://evil.example\",\"Klick\")"),
            row("b@x.de", "", "'-5"),
            row("c@x.de", "", "'@SUM(1+1)"),
            row("d@x.de", "\"", ";,"));
  }

  private static List<String> row(String... fields) {
    return Arrays.asList(fields);
  }
}
