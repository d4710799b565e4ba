package de.rundbrief.domain.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The API keys of the tenant the current call works in. */
public interface ApiKeyRepository {

  List<ApiKey> all();

  Optional<ApiKey> find(long id);

  void add(ApiKey key);

  /**
   * Notes a use of the key as {@link ApiKey#used} says, written on its own: concurrent calls with
   * one key must not fail on each other's notes, nor on a revocation at the same time.
   */
  void recordUse(ApiKey key, Instant at);
}
