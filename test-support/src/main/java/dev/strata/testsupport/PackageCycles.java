package dev.strata.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The cycles between Java packages in source trees, read from their import lines: a package that
 * imports from another which, directly or not, imports from it. Each cycle is reported with the
 * files that make its arrows, so a test failure says what to move.
 */
public final class PackageCycles {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT =
      Pattern.compile("(?m)^import\\s+(?:static\\s+)?([a-z][\\w]*(?:\\.[a-z][\\w]*)*)\\.[A-Z]");

  private PackageCycles() {}

  /**
   * Every cycle among the packages under {@code roots} that start with {@code prefix}, as one line
   * each: the packages, then each arrow with a file that makes it; empty when there is none.
   */
  public static List<String> in(String prefix, Path... roots) {
    Map<String, Map<String, String>> arrows = new TreeMap<>(); // from -> to -> a file
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String text = Files.readString(file);
          Matcher p = PACKAGE.matcher(text);
          if (!p.find()) {
            continue;
          }
          String from = p.group(1);
          Map<String, String> out = arrows.computeIfAbsent(from, k -> new TreeMap<>());
          Matcher m = IMPORT.matcher(text);
          while (m.find()) {
            String to = m.group(1);
            if (!to.equals(from) && to.startsWith(prefix)) {
              out.putIfAbsent(to, root.relativize(file).toString());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> cycles = new ArrayList<>();
    for (Set<String> component : stronglyConnected(arrows)) {
      StringBuilder line = new StringBuilder(String.join(" <-> ", component)).append(":");
      for (String from : component) {
        arrows.getOrDefault(from, Map.of()).entrySet().stream()
            .filter(e -> component.contains(e.getKey()))
            .forEach(
                e ->
                    line.append("\n  ")
                        .append(from)
                        .append(" -> ")
                        .append(e.getKey())
                        .append(" (")
                        .append(e.getValue())
                        .append(")"));
      }
      cycles.add(line.toString());
    }
    return cycles;
  }

  /** Tarjan's algorithm; only the components of more than one package. */
  private static List<Set<String>> stronglyConnected(Map<String, Map<String, String>> arrows) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> found = new ArrayList<>();
    int[] counter = {0};
    for (String node : arrows.keySet()) {
      if (!index.containsKey(node)) {
        visit(node, arrows, index, low, stack, onStack, found, counter);
      }
    }
    return found;
  }

  private static void visit(
      String node,
      Map<String, Map<String, String>> arrows,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> found,
      int[] counter) {
    index.put(node, counter[0]);
    low.put(node, counter[0]++);
    stack.push(node);
    onStack.add(node);
    for (String next : arrows.getOrDefault(node, Map.of()).keySet()) {
      if (!index.containsKey(next)) {
        visit(next, arrows, index, low, stack, onStack, found, counter);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      if (component.size() > 1) {
        found.add(component);
      }
    }
  }
}
