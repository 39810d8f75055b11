package dev.strata.tck;

import dev.strata.api.SqlStatement;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** A dialect that does what another does; a broken variant overrides the one thing it breaks. */
abstract class ForwardingDialect implements Dialect {
  private final Dialect delegate;

  ForwardingDialect(Dialect delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Set<String> fileTags() {
    return delegate.fileTags();
  }

  @Override
  public List<SqlStatement> parse(String script) {
    return delegate.parse(script);
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return delegate.supportsTransactionalDdl();
  }

  @Override
  public String quote(String identifier) {
    return delegate.quote(identifier);
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    return delegate.currentSchema(connection);
  }

  @Override
  public void prepareSession(Connection connection, String schema) throws SQLException {
    delegate.prepareSession(connection, schema);
  }

  @Override
  public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
    delegate.createSchemaIfAbsent(connection, schema);
  }

  @Override
  public boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    return delegate.tableExists(connection, schema, table);
  }

  @Override
  public List<String> createHistoryTable(String qualifiedTable) {
    return delegate.createHistoryTable(qualifiedTable);
  }

  @Override
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    return delegate.lock(connection, request);
  }
}
