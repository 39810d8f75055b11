package dev.strata.maven;

import dev.strata.core.Strata;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Applies the pending migrations under the database's migration lock, each in a transaction where
 * the database allows, and logs the summary ({@code applied 2 migrations (V7, V8) in 340 ms}). A
 * failed migration fails the build with the file, line and what to do.
 */
@Mojo(name = "migrate", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class MigrateMojo extends StrataMojo {
  /** Called by Maven. */
  public MigrateMojo() {}

  @Override
  void run(Strata strata) {
    getLog().info(strata.migrate().summary());
  }
}
