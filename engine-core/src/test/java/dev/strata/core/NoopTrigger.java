package dev.strata.core;

import java.sql.Connection;
import org.h2.api.Trigger;

/** An H2 trigger that does nothing, for migrations that create one. */
public final class NoopTrigger implements Trigger {
  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) {}
}
