package dev.strata.source.tools.internal.dbmate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dbmate migration's blocks, found as dbmate's {@code pkg/dbmate/migration.go} finds them.
 *
 * <ul>
 *   <li>{@code -- migrate:up} and {@code -- migrate:down} directives: {@code
 *       ^--\s*migrate:up(\s*$|\s+\S+)} (multi-line; case-sensitive, at column 0, any blanks after
 *       {@code --}, then end of line or blanks and options);
 *   <li>a file without an up directive is an error, as is anything but blank and comment lines
 *       before the first one;
 *   <li>each up directive starts a section that runs to the next up directive; a section must hold
 *       a down directive, and only one; its up block runs from the up directive to the down
 *       directive, its down block from there to the section's end;
 *   <li>options are the directive line's {@code key:value} words; {@code transaction:false}
 *       (exactly) runs the block outside a transaction, anything else is ignored.
 * </ul>
 *
 * @param up the text with every line outside the up blocks blanked
 * @param down the text with every line outside the down blocks blanked
 */
record DbmateFile(String up, boolean upAutocommit, String down, boolean downAutocommit) {
  private static final String S = "[\\t\\n\\f\\r ]";
  private static final Pattern UP =
      Pattern.compile(
          "^--" + S + "*migrate:up(" + S + "*$|" + S + "+[^\\t\\n\\f\\r ]+)",
          Pattern.MULTILINE | Pattern.UNIX_LINES);
  private static final Pattern DOWN =
      Pattern.compile(
          "^--" + S + "*migrate:down(" + S + "*$|" + S + "+[^\\t\\n\\f\\r ]+)",
          Pattern.MULTILINE | Pattern.UNIX_LINES);
  private static final Pattern DIRECTIVE = Pattern.compile("^--" + S + "*migrate:(up|down)");

  /** A file dbmate refuses: the 1-based line and what is wrong. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final int line;

    Refused(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  static DbmateFile parse(String text) throws Refused {
    List<Integer> ups = new ArrayList<>();
    Matcher m = UP.matcher(text);
    while (m.find()) {
      ups.add(m.start());
    }
    if (ups.isEmpty()) {
      throw new Refused(
          1, "has no '-- migrate:up' line (dbmate requires each migration to define an up block)");
    }
    int offset = 0;
    for (String line : text.substring(0, ups.get(0)).split("\n", -1)) {
      String s = line.strip();
      if (!s.isEmpty() && !s.startsWith("--")) {
        throw new Refused(
            lineOf(text, offset),
            "has SQL before '-- migrate:up' (dbmate does not support statements preceding the up"
                + " block); move it into the up block");
      }
      offset += line.length() + 1;
    }
    boolean[] up = new boolean[text.length()];
    boolean[] down = new boolean[text.length()];
    Boolean upTx = null;
    Boolean downTx = null;
    for (int i = 0; i < ups.size(); i++) {
      int start = ups.get(i);
      int end = i + 1 < ups.size() ? ups.get(i + 1) : text.length();
      Matcher d = DOWN.matcher(text).region(start, end);
      d.useAnchoringBounds(false);
      if (!d.find()) {
        throw new Refused(
            lineOf(text, start),
            "has an up block without a '-- migrate:down' line after it (dbmate requires each"
                + " migration to define a down block; it may be empty)");
      }
      int downStart = d.start();
      if (d.find()) {
        throw new Refused(
            lineOf(text, d.start()),
            "has a second '-- migrate:down' without a '-- migrate:up' before it (dbmate refuses"
                + " it)");
      }
      upTx = merge(upTx, transaction(text, start), text, start);
      downTx = merge(downTx, transaction(text, downStart), text, downStart);
      java.util.Arrays.fill(up, start, downStart, true);
      java.util.Arrays.fill(down, downStart, end, true);
    }
    return new DbmateFile(keep(text, up), !upTx, keep(text, down), !downTx);
  }

  private static Boolean merge(Boolean before, boolean now, String text, int at) throws Refused {
    if (before != null && before != now) {
      throw new Refused(
          lineOf(text, at),
          "mixes blocks with and without transaction:false in one direction; dbmate runs each"
              + " section in its own transaction, Strata runs a migration in one transaction or"
              + " none: split the file into one migration per section");
    }
    return now;
  }

  /** dbmate's {@code parseMigrationOptions(...).Transaction()} for the block at {@code start}. */
  private static boolean transaction(String text, int start) {
    int eol = text.indexOf('\n', start);
    String first = text.substring(start, eol < 0 ? text.length() : eol);
    String rest = DIRECTIVE.matcher(first).replaceAll("").strip();
    Map<String, String> options = new HashMap<>();
    if (!rest.isEmpty()) {
      for (String pair : rest.split(S + "+")) {
        String[] kv = pair.split(":", -1);
        if (kv.length == 2) {
          options.put(kv[0], kv[1]);
        }
      }
    }
    return !"false".equals(options.get("transaction"));
  }

  /** {@code text} with the characters outside {@code in} removed, line breaks kept. */
  private static String keep(String text, boolean[] in) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < in.length; i++) {
      char c = text.charAt(i);
      if (in[i] || c == '\n') {
        out.append(c);
      }
    }
    return out.toString();
  }

  static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
