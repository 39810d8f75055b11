package dev.strata.spi;

import java.util.Objects;

/**
 * Settings every source honours.
 *
 * @param strictNaming whether a file that follows no naming convention is an error instead of a
 *     warning
 * @param classLoader the class loader configured for the engine (default: Strata's own); sources
 *     that read resources ({@code classpath:}) read through it
 */
public record SourceSettings(boolean strictNaming, ClassLoader classLoader) {
  public SourceSettings {
    Objects.requireNonNull(classLoader, "classLoader");
  }

  /** Settings that read resources through engine-api's own class loader; for tests and tools. */
  public SourceSettings(boolean strictNaming) {
    this(
        strictNaming,
        Objects.requireNonNullElse(
            SourceSettings.class.getClassLoader(), ClassLoader.getSystemClassLoader()));
  }
}
