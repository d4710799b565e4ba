package de.rundbrief.domain.mailing;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A set of ids as one column: {@code 12,50}. */
@Converter
public class IdSetConverter implements AttributeConverter<Set<Long>, String> {

  @Override
  public String convertToDatabaseColumn(Set<Long> ids) {
    return ids == null
        ? ""
        : new TreeSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  @Override
  public Set<Long> convertToEntityAttribute(String column) {
    if (column == null || column.isBlank()) {
      return Collections.emptySortedSet();
    }
    SortedSet<Long> ids =
        Arrays.stream(column.split(","))
            .map(String::strip)
            .map(Long::valueOf)
            .collect(Collectors.toCollection(TreeSet::new));
    return Collections.unmodifiableSortedSet(ids);
  }
}
