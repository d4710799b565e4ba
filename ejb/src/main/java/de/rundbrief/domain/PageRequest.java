package de.rundbrief.domain;

/**
 * Which page of a result to fetch and how to order it.
 *
 * @param page zero-based page number
 * @param size rows per page, 1 to {@value #MAX_SIZE}
 * @param sortBy the name of the property to sort by, or {@code null} for the default order
 * @param ascending sort direction
 */
public record PageRequest(int page, int size, String sortBy, boolean ascending) {

  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw new IllegalArgumentException("page must not be negative");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
    }
  }

  public static PageRequest first(int size) {
    return new PageRequest(0, size, null, true);
  }

  public int offset() {
    return page * size;
  }
}
