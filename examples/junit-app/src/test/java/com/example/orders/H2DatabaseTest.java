package com.example.orders;

import dev.strata.junit.MigratedDatabase;

/** The default: H2 in memory. */
@MigratedDatabase
class H2DatabaseTest extends MigratedDatabaseContract {
  @Override
  String historyTable() {
    return "\"strata_schema_history\"";
  }
}
