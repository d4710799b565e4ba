package de.rundbrief.web.api;

import de.rundbrief.domain.PageRequest;
import jakarta.ws.rs.BadRequestException;

/** Paging parameters of the API as the services take them; out-of-range values are a 400. */
final class Paging {

  private Paging() {}

  static PageRequest request(int page, int size, String sortBy, boolean ascending) {
    try {
      return new PageRequest(page, size, sortBy, ascending);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }
}
