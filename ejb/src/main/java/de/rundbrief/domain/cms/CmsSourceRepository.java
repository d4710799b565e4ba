package de.rundbrief.domain.cms;

import java.util.List;
import java.util.Optional;

/** The CMS sources, central: they belong to no tenant. */
public interface CmsSourceRepository {

  /** Every source, by name. */
  List<CmsSource> all();

  Optional<CmsSource> find(long id);

  Optional<CmsSource> findByName(String name);

  void add(CmsSource source);

  void remove(CmsSource source);
}
