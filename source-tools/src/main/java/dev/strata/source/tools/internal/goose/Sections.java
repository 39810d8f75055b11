package dev.strata.source.tools.internal.goose;

import org.jspecify.annotations.Nullable;

/**
 * A goose file cut into its up and down parts, as the listing needs it: whether it has each,
 * whether it asks for {@code NO TRANSACTION}, and each direction's text, in which the other
 * direction's lines are blanked (their line breaks kept) so that line numbers stay the file's and
 * editing one direction leaves the other's checksum alone. Annotation lines are kept in both, so
 * each text still parses as the whole file would for that direction.
 *
 * @param hasUp whether the file has an Up annotation (the original goose: Up or Down)
 * @param down the down text, or {@code null} when the file has no Down annotation
 */
record Sections(boolean hasUp, boolean noTransaction, String up, @Nullable String down) {
  /** pressly/goose v3: everything from the first Down annotation on is the down part. */
  static Sections v3(String text) {
    String[] lines = text.split("\n", -1);
    int downLine = -1;
    boolean hasUp = false;
    boolean noTransaction = false;
    boolean[] annotation = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      annotation[i] = Annotation.isCandidate(line);
      Annotation a;
      try {
        a = Annotation.of(line);
      } catch (Annotation.Invalid e) {
        continue; // the splitter reports it with its line
      }
      if (a == Annotation.UP) {
        hasUp = true;
      } else if (a == Annotation.DOWN && downLine < 0) {
        downLine = i;
      } else if (a == Annotation.NO_TRANSACTION) {
        noTransaction = true;
      }
    }
    boolean[] inUp = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      inUp[i] = downLine < 0 || i < downLine;
    }
    return new Sections(
        hasUp,
        noTransaction,
        keep(lines, inUp, annotation, true),
        downLine < 0 ? null : keep(lines, inUp, annotation, false));
  }

  /** The original goose: Up and Down switch the direction, any number of times. */
  static Sections liamstask(String text) {
    String[] lines = text.split("\n", -1);
    boolean[] annotation = new boolean[lines.length];
    boolean[] inUp = new boolean[lines.length];
    boolean[] inDown = new boolean[lines.length];
    boolean sawUp = false;
    boolean sawDown = false;
    Boolean up = null;
    for (int i = 0; i < lines.length; i++) {
      String cmd = LiamstaskSplitter.annotation(stripCr(lines[i]));
      annotation[i] = cmd != null;
      if ("Up".equals(cmd)) {
        up = true;
        sawUp = true;
      } else if ("Down".equals(cmd)) {
        up = false;
        sawDown = true;
      }
      inUp[i] = Boolean.TRUE.equals(up);
      inDown[i] = Boolean.FALSE.equals(up);
    }
    return new Sections(
        sawUp || sawDown,
        false,
        keep(lines, inUp, annotation, true),
        sawDown ? keep(lines, inDown, annotation, true) : null);
  }

  private static String keep(String[] lines, boolean[] in, boolean[] annotation, boolean when) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.append('\n');
      }
      if (in[i] == when || annotation[i]) {
        out.append(lines[i]);
      } else if (lines[i].endsWith("\r")) {
        out.append('\r');
      }
    }
    return out.toString();
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }
}
