package dev.strata.spring.boot;

import dev.strata.api.MigrationInfo;
import dev.strata.core.Strata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.context.ApplicationContext;

/**
 * The {@code strata} actuator endpoint: every migration of every {@link Strata} bean in this
 * context and its parents, with its state and when it was applied (what {@code strata status}
 * prints). Reading it runs {@link Strata#status()}: one history query per engine, no lock. With
 * {@code strata.validate-schema=true} each engine whose sources and history agree also shows {@link
 * Strata#diff()} as {@code schema}, built in a scratch database on each read.
 */
@Endpoint(id = "strata")
public final class StrataEndpoint {
  private final ApplicationContext context;
  private final boolean validateSchema;

  public StrataEndpoint(ApplicationContext context) {
    this(context, false);
  }

  /** As above, comparing each engine's schema with what its migrations make when asked. */
  StrataEndpoint(ApplicationContext context, boolean validateSchema) {
    this.context = context;
    this.validateSchema = validateSchema;
  }

  /** The status of every engine, by context id and bean name. */
  @ReadOperation
  public StrataReport strata() {
    Map<@Nullable String, ContextEngines> contexts = new LinkedHashMap<>();
    for (ApplicationContext target = context; target != null; target = target.getParent()) {
      Map<String, EngineStatus> engines = new LinkedHashMap<>();
      target
          .getBeansOfType(Strata.class)
          .forEach((name, strata) -> engines.put(name, EngineStatus.of(strata, validateSchema)));
      ApplicationContext parent = target.getParent();
      contexts.put(
          target.getId(), new ContextEngines(engines, parent == null ? null : parent.getId()));
    }
    return new StrataReport(contexts);
  }

  /**
   * The endpoint's response.
   *
   * @param contexts the engines of each application context, by context id
   */
  public record StrataReport(Map<@Nullable String, ContextEngines> contexts)
      implements OperationResponseBody {}

  /**
   * The engines of one application context.
   *
   * @param strataBeans each engine's status, by bean name
   * @param parentId the parent context's id, {@code null} for the root
   */
  public record ContextEngines(Map<String, EngineStatus> strataBeans, @Nullable String parentId) {}

  /**
   * One engine: where it migrates and the state of each migration.
   *
   * @param database the database, credentials masked
   * @param table the history table
   * @param sources the migration locations
   * @param migrations one row per migration, in execution order
   * @param schema the schema against what the applied migrations make; {@code null} unless {@code
   *     strata.validate-schema=true} and sources and history agree
   */
  public record EngineStatus(
      String database,
      String table,
      List<String> sources,
      List<MigrationStatus> migrations,
      @Nullable SchemaDriftReport schema) {
    static EngineStatus of(Strata strata, boolean validateSchema) {
      return new EngineStatus(
          strata.configuration().displayUrl(),
          strata.configuration().table(),
          strata.configuration().sources(),
          strata.status().migrations().stream().map(MigrationStatus::of).toList(),
          validateSchema && strata.validate(false).isValid()
              ? SchemaDriftReport.of(strata.diff())
              : null);
    }
  }

  /**
   * One migration.
   *
   * @param version its version, {@code null} for a repeatable migration
   * @param description its description
   * @param state {@code applied}, {@code pending}, {@code failed}, ... (as {@code strata status}
   *     shows it)
   * @param origin its file, {@code null} when no source has it
   * @param appliedAt when it was last applied, {@code null} when never
   * @param appliedBy the database user that applied it, {@code null} when never
   * @param durationMs how long applying it took, {@code null} when never applied
   */
  public record MigrationStatus(
      @Nullable String version,
      String description,
      String state,
      @Nullable String origin,
      @Nullable Instant appliedAt,
      @Nullable String appliedBy,
      @Nullable Long durationMs) {
    static MigrationStatus of(MigrationInfo info) {
      return new MigrationStatus(
          info.id().version() == null ? null : info.id().version().toString(),
          info.id().description(),
          info.state().label(),
          info.origin(),
          info.appliedAt(),
          info.appliedBy(),
          info.durationMs());
    }
  }
}
