package de.rundbrief.infrastructure.tenancy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Set-based SQL on a connection whose transaction is bound to a tenant (or to all). */
@FunctionalInterface
public interface TenantWork<T> {
  T run(Connection connection) throws SQLException, IOException;
}
