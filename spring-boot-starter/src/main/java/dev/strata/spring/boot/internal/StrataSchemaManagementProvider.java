package dev.strata.spring.boot.internal;

import dev.strata.core.Strata;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Reports the DataSources Strata migrates as managed, so that Hibernate's default {@code ddl-auto}
 * on an embedded database is {@code none} instead of {@code create-drop}, as with Flyway.
 */
public final class StrataSchemaManagementProvider implements SchemaManagementProvider {
  private final ObjectProvider<Strata> engines;

  public StrataSchemaManagementProvider(ObjectProvider<Strata> engines) {
    this.engines = engines;
  }

  @Override
  public SchemaManagement getSchemaManagement(DataSource dataSource) {
    return engines.stream().anyMatch(s -> s.configuration().dataSource().equals(dataSource))
        ? SchemaManagement.MANAGED
        : SchemaManagement.UNMANAGED;
  }
}
