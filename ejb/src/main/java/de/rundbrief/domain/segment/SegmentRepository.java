package de.rundbrief.domain.segment;

import java.util.List;
import java.util.Optional;

/** The segments of the tenant the current call works in. */
public interface SegmentRepository {

  /** Every segment of the tenant, by name. */
  List<Segment> all();

  Optional<Segment> find(long id);

  Optional<Segment> findByName(String name);

  void add(Segment segment);

  void remove(Segment segment);
}
