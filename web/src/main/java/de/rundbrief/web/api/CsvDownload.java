package de.rundbrief.web.api;

import de.rundbrief.infrastructure.csv.CsvWriter;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The export options every CSV download of the API takes, and its answer. */
final class CsvDownload {

  private CsvDownload() {}

  /**
   * @param separator {@code ,} or {@code ;} (German Excel)
   * @param bom whether the file starts with the UTF-8 byte order mark by which Excel knows UTF-8
   */
  static CsvWriter.Builder format(String separator, boolean bom) {
    if (!",".equals(separator) && !";".equals(separator)) {
      throw new BadRequestException("separator is ',' or ';', not " + separator);
    }
    return CsvWriter.builder().separator(separator.charAt(0)).byteOrderMark(bom);
  }

  static Response attachment(StreamingOutput csv, String fileName) {
    return Response.ok(csv, ImportsResource.CSV)
        .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
        .build();
  }
}
