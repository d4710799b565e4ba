package de.rundbrief.domain;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer result, with the total the database counted for the whole filter.
 *
 * @param items the rows of this page, at most {@code size}
 * @param total the number of rows matching the filter on all pages
 * @param page the zero-based page number
 * @param size the page size that was asked for
 */
public record Page<T>(List<T> items, long total, int page, int size) {

  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), total, page, size);
  }
}
