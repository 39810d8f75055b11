package dev.strata.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of two {@code dump-schema} files that differ, each named by its heading comment
 * ({@code -- index orders.orders_open}): what {@code dump-schema --check} prints.
 */
final class DumpBlocks {
  private DumpBlocks() {}

  /** One line per block only the file has, only the migrations make, or both with other text. */
  static List<String> differences(String file, String expected) {
    Map<String, String> inFile = blocks(file);
    Map<String, String> made = blocks(expected);
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, String> e : made.entrySet()) {
      String had = inFile.get(e.getKey());
      if (had == null) {
        out.add("missing from the file: " + e.getKey());
      } else if (!had.equals(e.getValue())) {
        out.add("changed: " + e.getKey() + " (the migrations make: " + e.getValue() + ")");
      }
    }
    for (String heading : inFile.keySet()) {
      if (!made.containsKey(heading)) {
        out.add("not made by the migrations: " + heading);
      }
    }
    return out;
  }

  /** The blocks after the header, by heading; a block's text without its heading. */
  private static Map<String, String> blocks(String dump) {
    Map<String, String> blocks = new LinkedHashMap<>();
    // Blocks are separated by a blank line before their heading; a body may hold blank lines.
    for (String block : dump.split("\n\n(?=-- )")) {
      String text = block.strip();
      if (text.startsWith("-- ") && text.contains("\n")) {
        int end = text.indexOf('\n');
        blocks.put(text.substring(3, end), text.substring(end + 1));
      }
    }
    return blocks;
  }
}
