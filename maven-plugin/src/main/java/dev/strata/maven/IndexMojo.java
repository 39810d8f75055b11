package dev.strata.maven;

import dev.strata.source.classpath.ClasspathIndex;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code strata-index.txt}, the build-time index of a {@code classpath:} migration location
 * (the SHA-256 and path of every file, {@link ClasspathIndex}), into the copied resources, so the
 * classpath source reads the names from it instead of listing the directory or jar. Bound to {@code
 * process-classes}, after the resources are copied and before they are packaged.
 */
@Mojo(name = "index", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public final class IndexMojo extends AbstractMojo {
  /** The copied migration directory to index. */
  @Parameter(
      property = "strata.indexDirectory",
      defaultValue = "${project.build.outputDirectory}/db/migration")
  File directory = new File("target/classes/db/migration");

  /** Skip the goal. */
  @Parameter(property = "strata.skip", defaultValue = "false")
  boolean skip;

  /** Called by Maven. */
  public IndexMojo() {}

  @Override
  public void execute() throws MojoExecutionException {
    if (skip) {
      getLog().info("Skipping strata (strata.skip)");
      return;
    }
    if (!directory.isDirectory()) {
      throw new MojoExecutionException(
          "No migration directory "
              + directory
              + " to index (strata:index <directory>, strata.indexDirectory): the goal indexes the"
              + " copied resources, so run it in process-classes (its default phase) or later, and"
              + " set <directory> when the migrations are not in src/main/resources/db/migration");
    }
    try {
      Path index = ClasspathIndex.write(directory.toPath());
      long files =
          Files.readAllLines(index).stream()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .count();
      getLog().info("Wrote " + index + " (" + files + (files == 1 ? " file)" : " files)"));
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("Cannot write the index of " + directory + ": " + e, e);
    }
  }
}
