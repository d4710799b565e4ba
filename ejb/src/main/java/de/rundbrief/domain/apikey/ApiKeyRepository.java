package de.rundbrief.domain.apikey;

import java.util.List;
import java.util.Optional;

/** The API keys of the tenant the current call works in. */
public interface ApiKeyRepository {

  List<ApiKey> all();

  Optional<ApiKey> find(long id);

  void add(ApiKey key);
}
