package dev.strata.junit;

import dev.strata.core.StrataOption;
import dev.strata.junit.MigratedDatabase.Database;
import dev.strata.junit.MigratedDatabase.Scope;
import dev.strata.junit.internal.DatabaseCopy;
import dev.strata.junit.internal.DatabaseSpec;
import dev.strata.junit.internal.DatabaseUnavailableException;
import dev.strata.junit.internal.Templates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link MigratedDatabase}: resolves {@link DataSource}
 * parameters, and {@code String} parameters annotated {@link DatabaseUrl}, to a fresh copy of a
 * database migrated by Strata. Registered by the annotation, or programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final StrataExtension DB =
 *     StrataExtension.builder()
 *         .database(Database.POSTGRESQL)
 *         .locations("classpath:db/migration")
 *         .option(StrataOption.SCHEMA, "app")
 *         .build();
 * }</pre>
 *
 * <p>The migrations run once per JVM for each distinct configuration (database, locations,
 * options), into a template; each test invocation then gets a copy ({@link Scope#METHOD}), or each
 * test class one ({@link Scope#CLASS}), dropped when the invocation or class ends. Parameters of
 * one invocation (the test method, its {@code @BeforeEach} and {@code @AfterEach} methods) all see
 * the same copy. Safe with parallel execution: copies never share state.
 *
 * <p>A database that cannot be had here (no MySQL URL set, no PostgreSQL binaries and no URL) skips
 * the test, with the reason and what to set; under {@code CI=true} it fails instead. Immutable and
 * thread-safe.
 */
public final class StrataExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(StrataExtension.class);

  private final @Nullable DatabaseSpec spec;
  private final Scope scope;

  /** The extension as {@link MigratedDatabase} registers it: configured by the annotation. */
  public StrataExtension() {
    this.spec = null;
    this.scope = Scope.METHOD;
  }

  private StrataExtension(DatabaseSpec spec, Scope scope) {
    this.spec = spec;
    this.scope = scope;
  }

  /** A builder for {@code @RegisterExtension}; its defaults are the annotation's. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Migrates the class's template now, if this JVM has not yet: a database that cannot be had here
   * then skips (or, under {@code CI=true}, fails) the class as a whole, before any test, and a
   * migration that fails is reported once, naming the locations.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    DatabaseSpec spec = settings(context).spec;
    provide(spec, () -> Templates.forSpec(spec));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class
        || (type == String.class && parameter.isAnnotated(DatabaseUrl.class));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Settings settings = settings(context);
    DatabaseCopy copy = copyFor(settings, context);
    return parameter.getParameter().getType() == DataSource.class ? copy.dataSource() : copy.url();
  }

  private DatabaseCopy copyFor(Settings settings, ExtensionContext context) {
    ExtensionContext owner = context;
    if (settings.scope == Scope.CLASS) {
      while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
        owner = owner.getParent().get();
      }
    }
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            settings.spec, spec -> new CopyResource(newCopy(settings.spec)), CopyResource.class)
        .copy;
  }

  private static DatabaseCopy newCopy(DatabaseSpec spec) {
    return provide(spec, () -> Templates.forSpec(spec).copy());
  }

  private interface Provision<T> {
    T get() throws Exception;
  }

  private static <T> T provide(DatabaseSpec spec, Provision<T> provision) {
    try {
      return provision.get();
    } catch (DatabaseUnavailableException e) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new ExtensionConfigurationException(
            e.getMessage() + " (a failure, not a skip, because CI=true)", e);
      }
      throw new TestAbortedException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ExtensionConfigurationException(describe(spec) + " failed: " + e.getMessage(), e);
    } catch (Exception e) {
      throw new ExtensionConfigurationException(describe(spec) + " failed: " + e, e);
    }
  }

  private static String describe(DatabaseSpec spec) {
    return "Providing a "
        + spec.database()
        + " database migrated from "
        + String.join(", ", spec.locations())
        + (spec.options().isEmpty() ? "" : " with " + spec.options());
  }

  private Settings settings(ExtensionContext context) {
    if (spec != null) {
      return new Settings(spec, scope);
    }
    Optional<MigratedDatabase> annotation = Optional.empty();
    for (Class<?> c = context.getRequiredTestClass();
        c != null && annotation.isEmpty();
        c = c.getEnclosingClass()) {
      annotation = AnnotationSupport.findAnnotation(c, MigratedDatabase.class);
    }
    MigratedDatabase config =
        annotation.orElseThrow(
            () ->
                new ExtensionConfigurationException(
                    "StrataExtension on "
                        + context.getRequiredTestClass().getName()
                        + " has no configuration: annotate the class with @MigratedDatabase, or"
                        + " register StrataExtension.builder()...build() with @RegisterExtension"));
    try {
      return new Settings(
          new DatabaseSpec(
              config.database(),
              List.of(config.locations()),
              DatabaseSpec.parseOptions(config.options()),
              null),
          config.scope());
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException(
          "@MigratedDatabase on "
              + context.getRequiredTestClass().getName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private record Settings(DatabaseSpec spec, Scope scope) {}

  /** Drops the copy when JUnit closes the context that holds it. */
  @SuppressWarnings(
      "deprecation") // CloseableResource: the store's close hook that JUnit 5.10 knows
  private static final class CopyResource implements ExtensionContext.Store.CloseableResource {
    private final DatabaseCopy copy;

    CopyResource(DatabaseCopy copy) {
      this.copy = copy;
    }

    @Override
    public void close() throws Throwable {
      copy.close();
    }
  }

  /** Configures a {@link StrataExtension}; not thread-safe, the extension it builds is. */
  public static final class Builder {
    private Database database = Database.H2;
    private List<String> locations = List.of("classpath:db/migration");
    private final Map<StrataOption, String> options = new LinkedHashMap<>();
    private Scope scope = Scope.METHOD;
    private @Nullable String serverUrl;

    private Builder() {}

    /**
     * The PostgreSQL or MySQL/MariaDB server to create the databases on, as a JDBC URL with
     * credentials naming a database the user may connect to (e.g. {@code
     * jdbc:mysql://127.0.0.1:3306/test?user=root}); default: {@code STRATA_TEST_POSTGRES_URL} or
     * {@code STRATA_TEST_MYSQL_URL}, else the embedded PostgreSQL.
     */
    public Builder serverUrl(String url) {
      this.serverUrl = url;
      return this;
    }

    /** The database kind; default {@link Database#H2}. */
    public Builder database(Database database) {
      this.database = database;
      return this;
    }

    /** The migration locations; default {@code classpath:db/migration}. */
    public Builder locations(String... locations) {
      this.locations = new ArrayList<>(Arrays.asList(locations));
      return this;
    }

    /** An engine option, e.g. {@code option(StrataOption.SCHEMA, "app")}. */
    public Builder option(StrataOption option, String value) {
      options.put(option, value);
      return this;
    }

    /** How long a copy lives; default {@link Scope#METHOD}. */
    public Builder scope(Scope scope) {
      this.scope = scope;
      return this;
    }

    /**
     * The extension; an {@link IllegalArgumentException} names a bad setting (no location, an
     * option the extension sets itself).
     */
    public StrataExtension build() {
      return new StrataExtension(new DatabaseSpec(database, locations, options, serverUrl), scope);
    }
  }
}
