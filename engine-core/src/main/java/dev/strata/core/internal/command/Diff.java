package dev.strata.core.internal.command;

import dev.strata.api.ConfigurationException;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.api.schema.SchemaModel;
import dev.strata.core.internal.plan.Reconciliation;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.schema.SchemaComparison;
import dev.strata.core.internal.schema.SchemaScript;
import dev.strata.core.internal.session.Session;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.Shadow;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * {@code diff} and {@code dump-schema --check}: the schema the migrations produce, built in a
 * shadow (a scratch database or schema Strata creates on the live server and always drops, or an
 * empty database the user gives), against the live one. Reads the live database only: no migration
 * lock, no change.
 */
public final class Diff {
  /** Makes the engine that migrates a shadow. */
  public interface ShadowEngines {
    /**
     * An engine like the live one, on {@code dataSource}, migrating {@code schema} ({@code null}:
     * the connection's own) up to {@code target} ({@code null}: everything), reporting nothing.
     */
    Engine create(
        DataSource dataSource, @Nullable String schema, @Nullable MigrationVersion target);

    /**
     * Whether {@link #connect} can reach another database: Strata was given a URL and credentials,
     * not a {@code DataSource}.
     */
    boolean canConnect();

    /** A data source for {@code url} with the live one's credentials ({@link #canConnect}). */
    DataSource connect(String url);

    /** The live data source. */
    DataSource live();
  }

  /** The expected schema and where it was built, in words. */
  private record Built(SchemaModel model, String where) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Engine engine;
  private final ShadowEngines shadows;

  public Diff(Engine engine, ShadowEngines shadows) {
    this.engine = engine;
    this.shadows = shadows;
  }

  /**
   * The live schema against what its applied migrations produce.
   *
   * @param userShadow an empty database to build the expected schema in, {@code null} for a scratch
   *     one Strata creates and drops
   */
  public SchemaDiff diff(@Nullable DataSource userShadow) {
    return engine.withSession(
        live -> {
          // A dialect that cannot inspect says so before anything is read.
          SchemaInspection.inspector(live);
          Reconciliation r = engine.reconcile(live, engine.discovery().discover(live.dialect()));
          Engine.refuseOnProblems("diff", r.problems());
          SchemaModel actual = SchemaInspection.inspect(live);
          List<MigrationId> pending = r.pending().stream().map(SourceMigration::id).toList();
          if (r.appliedNewestFirst().isEmpty()) {
            return new SchemaDiff(
                SchemaModel.of(List.of(), List.of()),
                actual,
                SchemaComparison.compare(SchemaModel.of(List.of(), List.of()), actual),
                pending,
                "none: no migration is applied");
          }
          MigrationVersion upTo =
              r.appliedNewestFirst().stream()
                  .map(m -> m.id().version())
                  .filter(v -> v != null)
                  .findFirst()
                  .orElse(null);
          Built expected = expected(live, userShadow, pending.isEmpty() ? null : upTo);
          return new SchemaDiff(
              expected.model(),
              actual,
              SchemaComparison.compare(expected.model(), actual),
              pending,
              expected.where());
        });
  }

  /** What every migration produces, as {@code dump-schema} writes it. */
  public String dumpExpected(@Nullable DataSource userShadow) {
    return engine.withSession(
        live ->
            SchemaScript.render(expected(live, userShadow, null).model(), live.dialect()::quote));
  }

  private Built expected(
      Session live, @Nullable DataSource userShadow, @Nullable MigrationVersion target)
      throws SQLException {
    if (userShadow != null) {
      String where = "the given shadow database";
      return new Built(migrate(shadows.create(userShadow, null, target), true, where), where);
    }
    SchemaInspector inspector = SchemaInspection.inspector(live);
    String name = "strata_shadow_" + suffix();
    Shadow shadow;
    try {
      shadow = inspector.createShadow(live.connection(), live.schema(), name, shadows.canConnect());
    } catch (SQLException e) {
      throw new ConfigurationException(
          "Cannot create a scratch database or schema "
              + name
              + " on the "
              + live.dialect().name()
              + " server for the comparison: "
              + e.getMessage()
              + "; grant the privilege to create one, or give an empty database to apply the"
              + " migrations to (a shadow database)",
          e);
    }
    RuntimeException failure = null;
    Connection holder = null;
    try {
      String url = shadow.url();
      DataSource ds = url == null ? shadows.live() : shadows.connect(url);
      if (url != null) {
        holder = ds.getConnection();
      }
      String where = shadow.description() + ", dropped afterwards";
      return new Built(migrate(shadows.create(ds, shadow.schema(), target), false, where), where);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } catch (SQLException e) {
      failure = engineFailure(shadow, e);
      throw failure;
    } finally {
      if (holder != null) {
        try {
          holder.close();
        } catch (SQLException ignored) {
          // The shadow is dropped next, whatever state this connection is in.
        }
      }
      try {
        shadow.drop(live.connection());
      } catch (SQLException e) {
        if (failure != null) {
          failure.addSuppressed(e);
        } else {
          throw new ConfigurationException(
              "Cannot drop " + shadow.description() + ": " + e.getMessage() + "; drop it by hand",
              e);
        }
      }
    }
  }

  private static RuntimeException engineFailure(Shadow shadow, SQLException e) {
    return new ConfigurationException(
        "Cannot connect to " + shadow.description() + ": " + e.getMessage(), e);
  }

  /** Migrates the shadow so that stopping the live engine (SIGTERM) stops this as well. */
  private SchemaModel migrate(Engine shadow, boolean mustBeEmpty, String where) {
    return engine.following(shadow, () -> migrateShadow(shadow, mustBeEmpty, where));
  }

  private static SchemaModel migrateShadow(Engine shadow, boolean mustBeEmpty, String where) {
    SchemaInspection inspection = new SchemaInspection(shadow);
    if (mustBeEmpty) {
      if (!new Inspect(shadow).history().isEmpty()) {
        throw new ConfigurationException(
            "The given shadow database has a history table with rows; diff applies"
                + " every migration to it, so give an empty one");
      }
      SchemaModel before = inspection.inspect();
      if (!before.objects().isEmpty()) {
        throw new ConfigurationException(
            "The given shadow database is not empty: it has "
                + before.objects().get(0).describe()
                + " and "
                + (before.objects().size() - 1)
                + " more objects; diff applies every migration to it, so give an empty one");
      }
    }
    try {
      new Migrate(shadow).run();
    } catch (MigrationFailedException e) {
      throw new MigrationFailedException(
          e.migration(),
          e.origin(),
          e.line(),
          "The schema the migrations produce could not be built in "
              + where
              + "; the live database is unchanged. "
              + e.getMessage(),
          e.getCause());
    }
    return inspection.inspect();
  }

  private static String suffix() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      s.append(letters.charAt(RANDOM.nextInt(letters.length())));
    }
    return s.toString();
  }
}
