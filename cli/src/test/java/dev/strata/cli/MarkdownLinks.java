package dev.strata.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of Markdown pages that lead nowhere: a file or directory that does not
 * exist, or an {@code #anchor} that no heading of the target page produces. Anchors are computed as
 * GitHub renders them (lower case, punctuation dropped, spaces to hyphens, {@code -1}, {@code -2}
 * for repeated headings). Links to URLs ({@code https:}, {@code mailto:}, ...) are not followed,
 * and nothing inside code (fenced blocks, {@code `spans`}) counts as a link or a heading.
 */
final class MarkdownLinks {
  /** {@code [text](target)} or {@code [text](target "title")}; the text may span lines. */
  private static final Pattern LINK = Pattern.compile("\\]\\(\\s*([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)([\\s\\S]+?)\\1");
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
  private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  /** Every broken link of {@code pages}, as {@code page:line: target: why}. */
  List<String> brokenLinks(List<Path> pages) throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages) {
      String text = prose(Files.readAllLines(page, StandardCharsets.UTF_8));
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        String target = m.group(1);
        if (SCHEME.matcher(target).find()) {
          continue;
        }
        String problem = problem(page, target);
        if (problem != null) {
          int line = 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count();
          broken.add(page + ":" + line + ": " + target + ": " + problem);
        }
      }
    }
    return broken;
  }

  private String problem(Path page, String target) throws IOException {
    int hash = target.indexOf('#');
    String path = hash < 0 ? target : target.substring(0, hash);
    String fragment = hash < 0 ? null : target.substring(hash + 1);
    Path file = path.isEmpty() ? page : page.toAbsolutePath().getParent().resolve(path).normalize();
    if (!Files.exists(file)) {
      return "no such file or directory (" + file + ")";
    }
    if (fragment == null) {
      return null;
    }
    if (Files.isDirectory(file) || !file.getFileName().toString().endsWith(".md")) {
      return "an anchor into something that is not a Markdown page";
    }
    Set<String> known = anchors(file);
    return known.contains(fragment)
        ? null
        : "no heading of "
            + file.getFileName()
            + " has the anchor #"
            + fragment
            + "; it has "
            + known;
  }

  private Set<String> anchors(Path page) throws IOException {
    Path key = page.toAbsolutePath().normalize();
    Set<String> known = anchors.get(key);
    if (known == null) {
      known = headingAnchors(Files.readAllLines(key, StandardCharsets.UTF_8));
      anchors.put(key, known);
    }
    return known;
  }

  /** The anchors GitHub gives the headings of a page, in order. */
  static Set<String> headingAnchors(List<String> lines) {
    Set<String> known = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        continue;
      }
      Matcher m = HEADING.matcher(line);
      if (!inFence && m.matches()) {
        String slug = slug(m.group(1));
        int n = seen.merge(slug, 1, Integer::sum) - 1;
        known.add(n == 0 ? slug : slug + "-" + n);
      }
    }
    return known;
  }

  /** GitHub's anchor for a heading's text. */
  static String slug(String heading) {
    String text = INLINE_LINK.matcher(heading).replaceAll("$1").replace("`", "").replace("*", "");
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N}\\p{M}_ -]", "")
        .replace(' ', '-');
  }

  /**
   * The page with fenced code blocks emptied and code spans (which may span lines) blanked, so that
   * they hold no links; line breaks stay where they were, for the line numbers of the report.
   */
  private static String prose(List<String> lines) {
    List<String> prose = new ArrayList<>(lines.size());
    boolean inFence = false;
    for (String line : lines) {
      if (FENCE.matcher(line).find()) {
        inFence = !inFence;
        prose.add("");
      } else {
        prose.add(inFence ? "" : line);
      }
    }
    return CODE_SPAN
        .matcher(String.join("\n", prose))
        .replaceAll(r -> r.group().replaceAll("[^\n]", "`"));
  }
}
