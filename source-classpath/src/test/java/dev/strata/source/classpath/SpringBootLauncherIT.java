package dev.strata.source.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spring Boot executable jar run with {@code java -jar}: Spring Boot's launcher and its
 * {@code jar:nested:} URLs (3.2 and later) or {@code jar:file:...!/BOOT-INF/lib/x.jar!/} ones (up
 * to 3.1), with Strata inside migrating H2 from {@code classpath:db/migration}. Runs when a
 * spring-boot-loader jar is on the test class path or named by {@code
 * -Dstrata.test.springBootLoader=/path/to/spring-boot-loader.jar}; skipped otherwise.
 */
class SpringBootLauncherIT {
  private static final String MAIN =
      """
      package verify;

      public class Main {
        public static void main(String[] args) {
          var listing = new dev.strata.source.classpath.ClasspathSourceProvider()
              .create("classpath:db/migration", "db/migration", dev.strata.spi.SourceSettings.defaults())
              .list();
          listing.resources().forEach(r -> System.out.println("found " + r.origin()));
          var result = dev.strata.core.Strata.configure()
              .url("jdbc:h2:mem:boot;DB_CLOSE_DELAY=-1")
              .sources("classpath:db/migration")
              .load()
              .migrate();
          System.out.println(result.summary());
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void migratesFromTheClassesAndNestedJarsOfAnExecutableJarRunWithJavaJar() throws Exception {
    Path loader = springBootLoader();
    assumeTrue(
        loader != null,
        "no spring-boot-loader jar on the test class path or in -Dstrata.test.springBootLoader");
    List<Path> classPath = testClassPath();
    Path classes = compileMain(classPath);

    TestJar fatJar = TestJar.springBoot();
    String launcher = copyLauncher(loader, fatJar);
    fatJar.file(
        "META-INF/MANIFEST.MF",
        "Manifest-Version: 1.0\nMain-Class: "
            + launcher
            + "\nStart-Class: verify.Main\n"
            + "Spring-Boot-Classes: BOOT-INF/classes/\nSpring-Boot-Lib: BOOT-INF/lib/\n");
    fatJar.binary(
        "BOOT-INF/classes/verify/Main.class",
        Files.readAllBytes(classes.resolve("verify/Main.class")));
    fatJar.file(
        "BOOT-INF/classes/db/migration/V1__create_person.sql",
        "CREATE TABLE person (id INT PRIMARY KEY);\n");
    fatJar.nestedJar(
        "BOOT-INF/lib/shared-schema.jar",
        TestJar.create()
            .file(
                "db/migration/V2__add_name.sql",
                "ALTER TABLE person ADD COLUMN name VARCHAR(100);\n"));
    int n = 0;
    for (Path entry : classPath) {
      fatJar.nestedJar(
          "BOOT-INF/lib/"
              + (n++)
              + "-"
              + entry.getFileName()
              + (Files.isDirectory(entry) ? ".jar" : ""),
          jarOf(entry));
    }
    Path jar = fatJar.writeTo(dir.resolve("app.jar"));

    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains(
            "found classpath:db/migration/V1__create_person.sql\nfound classpath:db/migration/V2__add_name.sql\n")
        .containsPattern("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
  }

  private static Path springBootLoader() {
    String configured = System.getProperty("strata.test.springBootLoader");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    return Stream.of(classPath.split(File.pathSeparator))
        .map(Path::of)
        .filter(p -> p.getFileName().toString().startsWith("spring-boot-loader-"))
        .findFirst()
        .orElse(null);
  }

  /** This module, the engine, H2 and their dependencies; not the test frameworks. */
  private static List<Path> testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    String classPath =
        surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    List<Path> entries = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString().toLowerCase(Locale.ROOT);
      boolean testOnly =
          Stream.of(
                  "junit",
                  "opentest4j",
                  "apiguardian",
                  "assertj",
                  "byte-buddy",
                  "surefire",
                  "test-classes",
                  "spring-boot-loader")
              .anyMatch(name::contains);
      if (!testOnly && Files.exists(Path.of(entry))) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  private Path compileMain(List<Path> classPath) throws IOException {
    Path source = Files.createDirectories(dir.resolve("src/verify")).resolve("Main.java");
    Files.writeString(source, MAIN);
    Path classes = dir.resolve("classes");
    String cp = String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList());
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-cp", cp, "-d", classes.toString(), source.toString());
    assertThat(status).isZero();
    return classes;
  }

  /** Copies the launcher's classes to the jar's root, as Spring Boot's build plugins do. */
  private static String copyLauncher(Path loader, TestJar fatJar) throws IOException {
    String launcher = "org.springframework.boot.loader.JarLauncher";
    try (ZipFile zip = new ZipFile(loader.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || entry.getName().startsWith("META-INF/")) {
          continue;
        }
        if (entry.getName().equals("org/springframework/boot/loader/launch/JarLauncher.class")) {
          launcher = "org.springframework.boot.loader.launch.JarLauncher";
        }
        fatJar.binary(entry.getName(), zip.getInputStream(entry).readAllBytes());
      }
    }
    return launcher;
  }

  private static TestJar jarOf(Path entry) throws IOException {
    TestJar jar = TestJar.create();
    if (Files.isDirectory(entry)) {
      try (Stream<Path> files = Files.walk(entry)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          jar.binary(
              entry.relativize(f).toString().replace(File.separatorChar, '/'),
              Files.readAllBytes(f));
        }
      }
      return jar;
    }
    try (ZipFile zip = new ZipFile(entry.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry e = entries.nextElement();
        if (!e.isDirectory()) {
          jar.binary(e.getName(), zip.getInputStream(e).readAllBytes());
        }
      }
    }
    return jar;
  }
}
