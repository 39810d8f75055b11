package dev.strata.testsupport;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objects a native schema dump shows, named as Strata's schema model describes them ({@code
 * table orders}, {@code index orders.orders_open}, {@code constraint orders.orders_pkey}), so that
 * a test can hold the model to the dump both ways and name what either misses. Columns are not
 * listed: every dump shows them inside its {@code CREATE TABLE}.
 *
 * <pre>{@code
 * assertThat(modelObjects).isEqualTo(DumpedObjects.postgres(SchemaDump.postgres(db)));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DumpedObjects {
  private static final Pattern PG_ENTRY =
      Pattern.compile("^-- Name: (.+); Type: ([A-Z ]+); Schema: ", Pattern.MULTILINE);
  private static final Pattern PG_INDEX_TABLE =
      Pattern.compile(
          "CREATE (?:UNIQUE )?INDEX \\S+ ON (?:ONLY )?(?:[^.\\s]+\\.)?\"?([^\"\\s]+)\"? ");
  private static final Pattern PG_CREATE_TABLE =
      Pattern.compile("^CREATE (?:UNLOGGED )?TABLE (?:[^.\\s]+\\.)?\"?([^\"\\s(]+)\"? \\(");
  private static final Pattern PG_INLINE_CHECK = Pattern.compile("^\\s+CONSTRAINT (\\S+) CHECK ");
  private static final Set<String> PG_NOT_OBJECTS =
      Set.of("DEFAULT", "SEQUENCE OWNED BY", "SCHEMA", "ACL");

  private static final Pattern MY_TABLE = Pattern.compile("^CREATE TABLE `([^`]+)` \\(");
  private static final Pattern MY_KEY =
      Pattern.compile("^  (?:UNIQUE |FULLTEXT |SPATIAL )?KEY `([^`]+)`");
  private static final Pattern MY_CONSTRAINT = Pattern.compile("^  CONSTRAINT `([^`]+)`");
  private static final Pattern MY_COLUMN_CHECK = Pattern.compile("^  `([^`]+)` .* CHECK \\(");
  private static final Pattern MY_VIEW = Pattern.compile("VIEW `([^`]+)` AS");
  private static final Pattern MY_TRIGGER = Pattern.compile("TRIGGER `([^`]+)` .* ON `([^`]+)`");
  private static final Pattern MY_ROUTINE =
      Pattern.compile("^CREATE .*(FUNCTION|PROCEDURE) `([^`]+)`");

  private DumpedObjects() {}

  /** The objects of a {@code pg_dump --schema-only} dump, check constraints included. */
  public static Set<String> postgres(String dump) {
    Set<String> objects = new TreeSet<>();
    Matcher entry = PG_ENTRY.matcher(dump);
    while (entry.find()) {
      String type = entry.group(2);
      String name = entry.group(1);
      if (PG_NOT_OBJECTS.contains(type)) {
        continue;
      }
      String body = dump.substring(entry.end(), nextEntry(dump, entry.end()));
      switch (type) {
        case "CONSTRAINT", "FK CONSTRAINT", "TRIGGER" -> {
          int space = name.indexOf(' ');
          String kind = type.equals("TRIGGER") ? "trigger " : "constraint ";
          objects.add(kind + name.substring(0, space) + "." + name.substring(space + 1));
        }
        case "INDEX" -> {
          Matcher on = PG_INDEX_TABLE.matcher(body);
          objects.add("index " + (on.find() ? on.group(1) : "?") + "." + name);
        }
        case "TYPE" ->
            objects.add((body.contains(" AS ENUM") ? "enum type " : "composite type ") + name);
        case "TABLE" -> {
          objects.add("table " + name);
          for (String line : body.split("\n")) {
            Matcher check = PG_INLINE_CHECK.matcher(line);
            if (check.find()) {
              objects.add("constraint " + name + "." + check.group(1));
            }
          }
        }
        default -> objects.add(type.toLowerCase(Locale.ROOT) + " " + name);
      }
    }
    return objects;
  }

  /** The objects of a {@code mariadb-dump --no-data --routines --triggers} dump. */
  public static Set<String> mysql(String dump) {
    Set<String> objects = new TreeSet<>();
    String table = null;
    for (String line : dump.split("\n")) {
      Matcher create = MY_TABLE.matcher(line);
      Matcher key = MY_KEY.matcher(line);
      Matcher constraint = MY_CONSTRAINT.matcher(line);
      // MariaDB names a column's own CHECK after the column and prints it in the column's line.
      Matcher columnCheck = MY_COLUMN_CHECK.matcher(line);
      Matcher view = MY_VIEW.matcher(line);
      Matcher trigger = MY_TRIGGER.matcher(line);
      Matcher routine = MY_ROUTINE.matcher(line);
      if (create.find()) {
        table = create.group(1);
        objects.add("table " + table);
      } else if (line.startsWith("  PRIMARY KEY ")) {
        objects.add("constraint " + table + ".PRIMARY");
      } else if (key.find()) {
        objects.add("index " + table + "." + key.group(1));
      } else if (constraint.find()) {
        objects.add("constraint " + table + "." + constraint.group(1));
      } else if (columnCheck.find()) {
        objects.add("constraint " + table + "." + columnCheck.group(1));
      } else if (view.find()) {
        objects.add("view " + view.group(1));
      } else if (trigger.find()) {
        objects.add("trigger " + trigger.group(2) + "." + trigger.group(1));
      } else if (routine.find()) {
        objects.add(routine.group(1).toLowerCase(Locale.ROOT) + " " + routine.group(2));
      }
    }
    // A view's stand-in table in the dump is the view itself.
    objects.removeIf(
        o -> o.startsWith("table ") && objects.contains("view " + o.substring("table ".length())));
    return objects;
  }

  private static int nextEntry(String dump, int from) {
    int next = dump.indexOf("\n-- Name: ", from);
    return next < 0 ? dump.length() : next;
  }
}
