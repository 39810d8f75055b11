package dev.strata.source.classpath;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** Builds jars for tests: plain ones, and Spring Boot-style fat jars with nested jars. */
public final class TestJar {
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Set<String> stored = new HashSet<>();
  private boolean directoryEntries = true;
  private String launchScript = "";

  public static TestJar create() {
    return new TestJar();
  }

  /** A Spring Boot executable jar: classes in BOOT-INF/classes, libraries in BOOT-INF/lib. */
  public static TestJar springBoot() {
    return new TestJar()
        .file(
            "META-INF/MANIFEST.MF",
            "Manifest-Version: 1.0\nMain-Class: org.springframework.boot.loader.launch.JarLauncher\n")
        .file("BOOT-INF/classpath.idx", "");
  }

  public TestJar file(String name, String content) {
    files.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  public TestJar binary(String name, byte[] content) {
    files.put(name, content.clone());
    return this;
  }

  /** A jar stored uncompressed inside this one, as Spring Boot writes BOOT-INF/lib. */
  public TestJar nestedJar(String name, TestJar jar) throws IOException {
    files.put(name, jar.bytes());
    stored.add(name);
    return this;
  }

  /** A jar deflated inside this one, which Spring Boot's launcher refuses but Strata reads. */
  public TestJar compressedNestedJar(String name, TestJar jar) throws IOException {
    files.put(name, jar.bytes());
    return this;
  }

  /** No entries for directories, as some build tools write jars. */
  public TestJar withoutDirectoryEntries() {
    directoryEntries = false;
    return this;
  }

  /** A shell script before the archive, as Spring Boot's "fully executable" jars have. */
  public TestJar launchScript(String script) {
    launchScript = script;
    return this;
  }

  public byte[] bytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(launchScript.getBytes(StandardCharsets.UTF_8));
    Set<String> directories = new HashSet<>();
    try (JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        String name = file.getKey();
        if (directoryEntries) {
          for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
            String directory = name.substring(0, slash + 1);
            if (directories.add(directory)) {
              jar.putNextEntry(new ZipEntry(directory));
              jar.closeEntry();
            }
          }
        }
        ZipEntry entry = new ZipEntry(name);
        byte[] content = file.getValue();
        if (stored.contains(name)) {
          CRC32 crc = new CRC32();
          crc.update(content);
          entry.setMethod(ZipEntry.STORED);
          entry.setSize(content.length);
          entry.setCompressedSize(content.length);
          entry.setCrc(crc.getValue());
        }
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
      }
    }
    return out.toByteArray();
  }

  public Path writeTo(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    return Files.write(file, bytes());
  }
}
