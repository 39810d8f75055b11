package dev.strata.source.classpath.internal;

import static dev.strata.source.classpath.internal.ClasspathSourceTest.list;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.origins;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.source.classpath.TestJar;
import dev.strata.spi.SourceListing;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations inside named modules, loaded in a module layer as on the module path. */
class ModulePathTest {
  @TempDir Path dir;

  /** A modular jar {@code app} whose module-info.java is {@code moduleInfo}. */
  private Path modularJar(String moduleInfo) throws IOException {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("db/migration"));
    Files.writeString(src.resolve("module-info.java"), moduleInfo);
    Files.writeString(
        src.resolve("db/migration/Marker.java"), "package db.migration; public class Marker {}");
    Path classes = dir.resolve("classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null,
            null,
            null,
            "-d",
            classes.toString(),
            src.resolve("module-info.java").toString(),
            src.resolve("db/migration/Marker.java").toString());
    assertThat(status).isZero();
    return withClasses(classes);
  }

  private Path withClasses(Path classes) throws IOException {
    TestJar jar = TestJar.create();
    try (var files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        jar.binary(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return jar.file("db/migration/V1__a.sql", "a").writeTo(dir.resolve("app.jar"));
  }

  private static ClassLoader layerLoader(Path jar, String module) {
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration =
        boot.configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of(module));
    return boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader())
        .findLoader(module);
  }

  @Test
  void findsMigrationsInAnAutomaticModule() throws IOException {
    Path jar = TestJar.create().file("db/migration/V1__a.sql", "a").writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(layerLoader(jar, "app"));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
  }

  @Test
  void findsMigrationsInAnOpenPackageOfANamedModule() throws IOException {
    Path jar = modularJar("module app { opens db.migration; }");

    SourceListing listing = list(layerLoader(jar, "app"));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
  }

  @Test
  void findsMigrationsEvenInAPackageTheModuleDoesNotOpen() throws IOException {
    // The directory is looked up by name, and db/ is no package of the module, so encapsulation
    // does not hide it; the files are then read from the module's jar itself.
    Path jar = modularJar("module app { }");
    ClassLoader loader = layerLoader(jar, "app");

    SourceListing listing = list(loader);

    assertThat(loader.getResource("db/migration/V1__a.sql")).isNull();
    assertThat(origins(listing)).isEqualTo(List.of("classpath:db/migration/V1__a.sql"));
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
  }
}
