package de.rundbrief.infrastructure.csv;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.rundbrief.infrastructure.csv.CsvProblem.Reason;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void quotedFieldKeepsEmbeddedNewlineAndDoubledQuotes() throws IOException {
    List<CsvRow> rows = rows("email,note\na@example.org,\"Sagt \"\"Hallo\"\"\nund geht\"\n");

    assertThat(rows).containsExactly(record(2, "a@example.org", "Sagt \"Hallo\"\nund geht"));
  }

  @Test
  void quotedFieldKeepsSeparatorsAndCrLfAsTheyAre() throws IOException {
    List<CsvRow> rows = rows("email,note\r\na@example.org,\"eins, zwei\r\ndrei\"\r\n");

    assertThat(rows).containsExactly(record(2, "a@example.org", "eins, zwei\r\ndrei"));
  }

  @Test
  void crLfLfAndCrLineEndsMayBeMixed() throws IOException {
    List<CsvRow> rows = rows("email,name\r\na@x.de,Anna\nb@x.de,Ben\rc@x.de,Cem\r\nd@x.de,Dana");

    assertThat(rows)
        .containsExactly(
            record(2, "a@x.de", "Anna"),
            record(3, "b@x.de", "Ben"),
            record(4, "c@x.de", "Cem"),
            record(5, "d@x.de", "Dana"));
  }

  @Test
  void lineNumbersCountTheLinesInsideQuotedFields() throws IOException {
    String csv =
        "email,note\n"
            + "a@x.de,\"eins\r\nzwei\rdrei\nvier\"\n"
            + "b@x.de,\"\"\n"
            + "c@x.de,\"\n\n\"\r\n"
            + "d@x.de,fünf\n";

    List<CsvRow> rows = rows(csv);

    assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 6L, 7L, 10L);
    assertThat(rows.get(3)).isEqualTo(record(10, "d@x.de", "fünf"));
  }

  @Test
  void blankLinesBetweenRecordsAreSkipped() throws IOException {
    List<CsvRow> rows = rows("\n\r\nemail,name\n\na@x.de,Anna\r\n\r\n\rb@x.de,Ben\n\n");

    assertThat(rows).containsExactly(record(5, "a@x.de", "Anna"), record(8, "b@x.de", "Ben"));
  }

  @Test
  void fieldsAreNotTrimmedAndMayBeEmpty() throws IOException {
    List<CsvRow> rows = rows("email,first,last\n a@x.de ,,\n,\"\", Ben\n");

    assertThat(rows).containsExactly(record(2, " a@x.de ", "", ""), record(3, "", "", " Ben"));
  }

  @Test
  void quoteInsideUnquotedFieldIsTakenLiterally() throws IOException {
    List<CsvRow> rows = rows("email,screen\na@x.de,24\" Monitor\n");

    assertThat(rows).containsExactly(record(2, "a@x.de", "24\" Monitor"));
  }

  @Test
  void detectsTheSemicolonOfAGermanExcelHeader() throws IOException {
    try (CsvReader reader =
        reader("E-Mail;Vorname;Nachname\r\na@x.de;Anna;Müller, geb. Schmidt\r\n")) {
      assertThat(reader.separator()).isEqualTo(';');
      assertThat(reader.header()).containsExactly("E-Mail", "Vorname", "Nachname");
      assertThat(reader.columnCount()).isEqualTo(3);
      assertThat(reader.next()).isEqualTo(record(2, "a@x.de", "Anna", "Müller, geb. Schmidt"));
      assertThat(reader.next()).isNull();
    }
  }

  @Test
  void separatorsInsideQuotesDoNotCountForDetection() throws IOException {
    try (CsvReader reader = reader("\"Name, Vorname\";\"E-Mail\"\n\"Muster, Anna\";a@x.de\n")) {
      assertThat(reader.separator()).isEqualTo(';');
      assertThat(reader.next()).isEqualTo(record(2, "Muster, Anna", "a@x.de"));
    }
  }

  @Test
  void detectionTiesAndSingleColumnFilesGoToComma() throws IOException {
    try (CsvReader tie = reader("a;b,c\n1;2,3\n");
        CsvReader singleColumn = reader("email\na@x.de\n")) {
      assertThat(tie.separator()).isEqualTo(',');
      assertThat(tie.next()).isEqualTo(record(2, "1;2", "3"));
      assertThat(singleColumn.separator()).isEqualTo(',');
      assertThat(singleColumn.next()).isEqualTo(record(2, "a@x.de"));
    }
  }

  @Test
  void readsTabSeparatedFilesDetectedOrGiven() throws IOException {
    String tsv = "email\tname\na@x.de\tAnna, \"die Erste\"\n";

    try (CsvReader detected = reader(tsv);
        CsvReader given = CsvReader.builder().separator('\t').open(stream(bytes(tsv)))) {
      assertThat(detected.separator()).isEqualTo('\t');
      assertThat(detected.next()).isEqualTo(record(2, "a@x.de", "Anna, \"die Erste\""));
      assertThat(given.next()).isEqualTo(record(2, "a@x.de", "Anna, \"die Erste\""));
    }
  }

  @Test
  void givenSeparatorIsUsedEvenWhenAnotherIsMoreFrequent() throws IOException {
    try (CsvReader reader =
        CsvReader.builder().separator(';').open(stream(bytes("name,ort;email\nA,B;a@x.de\n")))) {
      assertThat(reader.header()).containsExactly("name,ort", "email");
      assertThat(reader.next()).isEqualTo(record(2, "A,B", "a@x.de"));
    }
  }

  @Test
  void utf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws IOException {
    try (CsvReader reader = reader(concat(bom(), bytes("E-Mail;Name\na@x.de;Jürgen\n")))) {
      assertThat(reader.header()).containsExactly("E-Mail", "Name");
      assertThat(reader.separator()).isEqualTo(';');
      assertThat(reader.next()).isEqualTo(record(2, "a@x.de", "Jürgen"));
    }
  }

  @Test
  void utf8ByteOrderMarkOutranksTheChosenCharset() throws IOException {
    byte[] file = concat(bom(), bytes("email;name\na@x.de;Jürgen\n"));

    try (CsvReader reader = CsvReader.builder().charset(WINDOWS_1252).open(stream(file))) {
      assertThat(reader.charset()).isEqualTo(UTF_8);
      assertThat(reader.next()).isEqualTo(record(2, "a@x.de", "Jürgen"));
    }
  }

  @Test
  void latin1ByteInUtf8FileSpoilsOnlyItsOwnRecord() throws IOException {
    byte[] file = latin1File();

    List<CsvRow> rows = rows(file);

    assertThat(rows)
        .containsExactly(
            record(2, "a@x.de", "Anna"),
            new CsvProblem(3, Reason.INVALID_BYTES, "column 2: byte 0xE4 is not valid UTF-8"),
            record(4, "c@x.de", "Cem"));
    assertThat(((CsvProblem) rows.get(1)).message())
        .isEqualTo("line 3: column 2: byte 0xE4 is not valid UTF-8");
  }

  @Test
  void theSameFileReadAsWindows1252HasItsUmlaut() throws IOException {
    try (CsvReader reader = CsvReader.builder().charset(WINDOWS_1252).open(stream(latin1File()))) {
      assertThat(all(reader))
          .containsExactly(
              record(2, "a@x.de", "Anna"),
              record(3, "b@x.de", "Bär €"),
              record(4, "c@x.de", "Cem"));
    }
  }

  @Test
  void isoLatin1ReadsEveryByte() throws IOException {
    byte[] file = {'n', '\n', (byte) 0xE4, (byte) 0x80, (byte) 0xFF, '\n'};

    try (CsvReader reader = CsvReader.builder().charset(ISO_8859_1).open(stream(file))) {
      assertThat(reader.next()).isEqualTo(record(2, "ä\u0080ÿ"));
    }
  }

  @Test
  void byteThatWindows1252LeavesUndefinedIsInvalid() throws IOException {
    byte[] file = {'n', '\n', 'a', (byte) 0x81, '\n', 'b', '\n'};

    try (CsvReader reader = CsvReader.builder().charset(WINDOWS_1252).open(stream(file))) {
      assertThat(all(reader))
          .containsExactly(
              new CsvProblem(
                  2, Reason.INVALID_BYTES, "column 1: byte 0x81 is not valid windows-1252"),
              record(3, "b"));
    }
  }

  @Test
  void truncatedUtf8SequenceAtTheEndOfAFieldIsInvalid() throws IOException {
    byte[] file = {'n', ',', 'm', '\n', (byte) 0xC3, ',', 'x', '\n'};

    assertThat(rows(file))
        .containsExactly(
            new CsvProblem(2, Reason.INVALID_BYTES, "column 1: byte 0xC3 is not valid UTF-8"));
  }

  @Test
  void wrongColumnCountIsReportedWithItsLine() throws IOException {
    List<CsvRow> rows = rows("email,first,last\na@x.de,Anna,Muster\nb@x.de,Ben\nc@x.de,C,D,E\n");

    assertThat(rows)
        .containsExactly(
            record(2, "a@x.de", "Anna", "Muster"),
            new CsvProblem(3, Reason.WRONG_COLUMN_COUNT, "2 fields where the header has 3 columns"),
            new CsvProblem(
                4, Reason.WRONG_COLUMN_COUNT, "4 fields where the header has 3 columns"));
  }

  @Test
  void unterminatedQuoteAtEndOfFileIsReportedWhereItOpened() throws IOException {
    List<CsvRow> rows = rows("email,note\na@x.de,gut\nb@x.de,\"offen\nc@x.de,weg\n");

    assertThat(rows)
        .containsExactly(
            record(2, "a@x.de", "gut"),
            new CsvProblem(
                3, Reason.UNTERMINATED_QUOTE, "the quote opened on line 3 is never closed"));
  }

  @Test
  void unterminatedQuoteNamesItsOwnLineWhenTheRecordStartedEarlier() throws IOException {
    List<CsvRow> rows = rows("email,note,more\na@x.de,\"zwei\nZeilen\",\"offen\n");

    assertThat(rows)
        .containsExactly(
            new CsvProblem(
                2, Reason.UNTERMINATED_QUOTE, "the quote opened on line 3 is never closed"));
  }

  @Test
  void textAfterClosingQuoteIsAProblemAndTheNextRecordIsRead() throws IOException {
    List<CsvRow> rows =
        rows("email,note\na@x.de,\"abc\"x\nb@x.de,\"abc\"x,\"d\ne\"\nc@x.de,\"ok\"\n");

    assertThat(rows)
        .containsExactly(
            new CsvProblem(2, Reason.TEXT_AFTER_QUOTE, "text after the closing quote in column 2"),
            new CsvProblem(3, Reason.TEXT_AFTER_QUOTE, "text after the closing quote in column 2"),
            record(5, "c@x.de", "ok"));
  }

  @Test
  void recordLongerThanTheLimitIsReportedAndTheNextIsRead() throws IOException {
    String csv = "email,note\na@x.de,\"0123456789\n0123456789\"\nb@x.de,kurz\nc@x.de,0123456789\n";

    try (CsvReader reader = CsvReader.builder().maxRecordChars(16).open(stream(bytes(csv)))) {
      assertThat(all(reader))
          .containsExactly(
              new CsvProblem(2, Reason.TOO_LONG, "the record is longer than 16 characters"),
              record(4, "b@x.de", "kurz"),
              new CsvProblem(5, Reason.TOO_LONG, "the record is longer than 16 characters"));
    }
  }

  @Test
  void limitCountsCharactersNotUtf8Bytes() throws IOException {
    String csv = "n\nüüüü\nüüüüü\n";

    try (CsvReader reader = CsvReader.builder().maxRecordChars(4).open(stream(bytes(csv)))) {
      assertThat(all(reader))
          .containsExactly(
              record(2, "üüüü"),
              new CsvProblem(3, Reason.TOO_LONG, "the record is longer than 4 characters"));
    }
  }

  @Test
  void separatorsCountTowardsTheLimit() throws IOException {
    try (CsvReader reader =
        CsvReader.builder().maxRecordChars(4).open(stream(bytes("n\n,,,,,,,,,,,,\nok\n")))) {
      assertThat(all(reader))
          .containsExactly(
              new CsvProblem(2, Reason.TOO_LONG, "the record is longer than 4 characters"),
              record(3, "ok"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\uFEFF", "\n\r\n\r", "\uFEFF\r\n"})
  void fileWithoutHeaderLineIsRefusedAsEmpty(String content) {
    assertThatThrownBy(() -> reader(content))
        .isInstanceOf(CsvHeaderException.class)
        .hasMessage("line 1: the file is empty; it needs a header line")
        .extracting(e -> ((CsvHeaderException) e).problem().reason())
        .isEqualTo(Reason.NO_HEADER);
  }

  @Test
  void brokenHeaderLineRefusesTheFile() {
    byte[] file = {'n', 'a', 'm', (byte) 0xE4, ',', 'x', '\n', 'a', ',', 'b', '\n'};

    assertThatThrownBy(() -> reader(file))
        .isInstanceOf(CsvHeaderException.class)
        .hasMessage("line 1: header: column 1: byte 0xE4 is not valid UTF-8");
  }

  @Test
  void refusedHeaderClosesTheStream() {
    ClosingProbe in = new ClosingProbe(new byte[0]);

    assertThatThrownBy(() -> CsvReader.open(in)).isInstanceOf(CsvHeaderException.class);
    assertThat(in.closed).isTrue();
  }

  @Test
  void closingTheReaderClosesTheStream() throws IOException {
    ClosingProbe in = new ClosingProbe(bytes("email\n"));

    CsvReader.open(in).close();

    assertThat(in.closed).isTrue();
  }

  @Test
  void lastRecordNeedsNoLineEndAndEmptyTrailingFieldCounts() throws IOException {
    assertThat(rows("a,b\n1,")).containsExactly(record(2, "1", ""));
    assertThat(rows("a,b\n1,\"\"")).containsExactly(record(2, "1", ""));
  }

  @Test
  void readsRecordsSpanningManyBufferRefills() throws IOException {
    InputStream trickle =
        new OneByteAtATime(bytes("email;note\na@x.de;\"x\r\n\"\"y\"\"\"\r\nb@x.de;z"));

    try (CsvReader reader = CsvReader.open(trickle)) {
      assertThat(all(reader))
          .containsExactly(record(2, "a@x.de", "x\r\n\"y\""), record(4, "b@x.de", "z"));
    }
  }

  @Test
  void onlyCharsetsThatKeepAsciiBytesAreAccepted() {
    assertThatThrownBy(() -> CsvReader.builder().charset(UTF_16))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-16");
    assertThatThrownBy(() -> CsvReader.builder().charset(Charset.forName("IBM037")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyCommaSemicolonAndTabAreSeparators() {
    assertThatThrownBy(() -> CsvReader.builder().separator('|'))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static CsvRecord record(long line, String... fields) {
    return new CsvRecord(line, List.of(fields));
  }

  static List<CsvRow> all(CsvReader reader) throws IOException {
    List<CsvRow> rows = new ArrayList<>();
    for (CsvRow row = reader.next(); row != null; row = reader.next()) {
      rows.add(row);
    }
    return rows;
  }

  private static List<CsvRow> rows(String csv) throws IOException {
    return rows(bytes(csv));
  }

  private static List<CsvRow> rows(byte[] csv) throws IOException {
    try (CsvReader reader = reader(csv)) {
      return all(reader);
    }
  }

  private static CsvReader reader(String csv) throws IOException {
    return reader(bytes(csv));
  }

  private static CsvReader reader(byte[] csv) throws IOException {
    return CsvReader.open(stream(csv));
  }

  /** Three records, the middle one with "Bär €" in windows-1252 (ä = 0xE4, € = 0x80). */
  private static byte[] latin1File() {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(bytes("email,name\na@x.de,Anna\nb@x.de,B"));
    file.write(0xE4);
    file.writeBytes(bytes("r "));
    file.write(0x80);
    file.writeBytes(bytes("\nc@x.de,Cem\n"));
    return file.toByteArray();
  }

  private static byte[] bom() {
    return new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.writeBytes(first);
    both.writeBytes(second);
    return both.toByteArray();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static final class ClosingProbe extends ByteArrayInputStream {
    boolean closed;

    ClosingProbe(byte[] bytes) {
      super(bytes);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** A stream as slow as a network can be: every read gives one byte. */
  private static final class OneByteAtATime extends ByteArrayInputStream {
    OneByteAtATime(byte[] bytes) {
      super(bytes);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, 1));
    }
  }
}
