package de.rundbrief.domain.importing;

import jakarta.ejb.ApplicationException;

/** The upload is larger than the configured limit; nothing of it is kept. */
@ApplicationException(rollback = true)
public class UploadTooLargeException extends RuntimeException {

  private final long maxBytes;

  public UploadTooLargeException(long maxBytes) {
    super(
        "The file is larger than the limit of "
            + maxBytes
            + " bytes ("
            + maxBytes / (1024 * 1024)
            + " MiB); split it into smaller files");
    this.maxBytes = maxBytes;
  }

  public long getMaxBytes() {
    return maxBytes;
  }
}
