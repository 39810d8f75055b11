package dev.strata.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The public API of a jar as text, one line per public or protected type and member, sorted, so
 * that a test can hold it against a checked-in file and every change to it shows in review.
 * Packages whose name has an {@code internal} segment are left out: they may change at any time.
 *
 * <p>{@code -Dstrata.api.update=true} writes the file instead of comparing, to accept a change.
 */
public final class ApiSnapshot {
  private ApiSnapshot() {}

  /**
   * The API of the jar (or classes folder) that holds {@code marker}, in the packages starting with
   * one of {@code packages}.
   */
  public static List<String> of(Class<?> marker, String... packages) {
    TreeSet<String> lines = new TreeSet<>();
    for (String name : classNames(marker)) {
      if (Arrays.stream(packages).noneMatch(name::startsWith) || name.contains(".internal.")) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, marker.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + name, e);
      }
      if (isVisible(type)) {
        describe(type, lines);
      }
    }
    return List.copyOf(lines);
  }

  /**
   * Compares {@code api} with {@code file} (relative to the module, e.g. {@code
   * src/test/resources/public-api/engine-api.txt}); returns the difference, empty when equal.
   */
  public static String compare(List<String> api, Path file) {
    if (Boolean.getBoolean("strata.api.update")) {
      try {
        Files.createDirectories(file.getParent());
        Files.write(file, api, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return "";
    }
    List<String> recorded;
    try {
      recorded = Files.exists(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder diff = new StringBuilder();
    new TreeSet<>(api)
        .stream()
            .filter(line -> !recorded.contains(line))
            .forEach(line -> diff.append("+ ").append(line).append('\n'));
    recorded.stream()
        .filter(line -> !api.contains(line))
        .forEach(line -> diff.append("- ").append(line).append('\n'));
    return diff.isEmpty()
        ? ""
        : "The public API differs from "
            + file
            + " (+ added, - removed). If the change is meant, run the test with"
            + " -Dstrata.api.update=true and commit the file:\n"
            + diff;
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
    }
    return !type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass();
  }

  private static void describe(Class<?> type, TreeSet<String> lines) {
    String name = type.getName();
    StringBuilder kind =
        new StringBuilder(
            Modifier.toString(
                type.getModifiers() & ~Modifier.INTERFACE & ~Modifier.STATIC & ~Modifier.ABSTRACT));
    kind.append(kind.isEmpty() ? "" : " ")
        .append(
            type.isAnnotation()
                ? "@interface"
                : type.isInterface()
                    ? (type.isSealed() ? "sealed interface" : "interface")
                    : type.isEnum()
                        ? "enum"
                        : type.isRecord()
                            ? "record"
                            : (Modifier.isAbstract(type.getModifiers())
                                ? "abstract class"
                                : "class"));
    if (type.getGenericSuperclass() != null
        && type.getSuperclass() != Object.class
        && !type.isEnum()
        && !type.isRecord()) {
      kind.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    if (type.getGenericInterfaces().length > 0) {
      kind.append(type.isInterface() ? " extends " : " implements ")
          .append(
              String.join(
                  ", ",
                  Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName()).toList()));
    }
    lines.add(name + ": " + kind);
    List<Member> members = new ArrayList<>();
    members.addAll(Arrays.asList(type.getDeclaredConstructors()));
    members.addAll(Arrays.asList(type.getDeclaredMethods()));
    members.addAll(Arrays.asList(type.getDeclaredFields()));
    for (Member m : members) {
      int mod = m.getModifiers();
      if (m.isSynthetic()
          || (m instanceof Method method && method.isBridge())
          || !(Modifier.isPublic(mod) || Modifier.isProtected(mod))) {
        continue;
      }
      String text =
          m instanceof Field f
              ? f.toGenericString()
              : m instanceof Constructor<?> c
                  ? c.toGenericString()
                  : ((Executable) m).toGenericString();
      lines.add(name + ": " + text.replace(name + ".", "").replace(name + "(", "<init>("));
    }
  }

  private static List<String> classNames(Class<?> marker) {
    Path location;
    try {
      location = Path.of(marker.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          files
              .map(p -> location.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith(".class"))
              .forEach(p -> names.add(className(p)));
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          jar.stream()
              .map(e -> e.getName())
              .filter(p -> p.endsWith(".class") && !p.startsWith("META-INF/"))
              .forEach(p -> names.add(className(p)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names.stream()
        .filter(n -> !n.endsWith("package-info") && !n.equals("module-info"))
        .toList();
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.');
  }
}
