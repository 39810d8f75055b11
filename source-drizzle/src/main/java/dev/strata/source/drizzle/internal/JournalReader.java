package dev.strata.source.drizzle.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.strata.api.MigrationDiscoveryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code meta/_journal.json} with Jackson's streaming parser. Fields drizzle-kit may add
 * later are skipped; a missing {@code entries} array, an entry without a {@code tag} and values of
 * the wrong type are errors naming the journal, line and column.
 */
final class JournalReader {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final String origin;

  private JournalReader(String origin) {
    this.origin = origin;
  }

  /**
   * Parses a journal.
   *
   * @param origin the journal's path, for messages
   * @throws MigrationDiscoveryException when it is not valid JSON or not a drizzle-kit journal
   */
  static Journal read(String origin, byte[] json) {
    JournalReader reader = new JournalReader(origin);
    try (JsonParser parser = JSON.createParser(json)) {
      return reader.journal(parser);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? origin : origin + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new MigrationDiscoveryException(
          where
              + ": invalid JSON ("
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + "); fix the file or restore it from version control",
          List.of(origin),
          e);
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read " + origin + ": " + e.getMessage(), List.of(origin), e);
    }
  }

  private Journal journal(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first != JsonToken.START_OBJECT) {
      throw notAJournal(
          first == null ? null : p, first == null ? "it is empty" : "it is not a JSON object");
    }
    String version = null;
    String dialect = null;
    List<Journal.Entry> entries = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "version" -> version = text(p, "\"version\"");
        case "dialect" -> dialect = text(p, "\"dialect\"");
        case "entries" -> entries = entries(p);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw error(p.currentTokenLocation(), "unexpected content after the journal object");
    }
    if (entries == null) {
      throw notAJournal(null, "it has no \"entries\" array");
    }
    return new Journal(version, dialect, entries);
  }

  private List<Journal.Entry> entries(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(p.currentTokenLocation(), "\"entries\" must be an array, found " + describe(p));
    }
    List<Journal.Entry> entries = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      entries.add(entry(p, entries.size() + 1));
    }
    return entries;
  }

  private Journal.Entry entry(JsonParser p, int position) throws IOException {
    JsonLocation start = p.currentTokenLocation();
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error(start, "entry " + position + " must be an object, found " + describe(p));
    }
    Long idx = null;
    Long when = null;
    String tag = null;
    boolean breakpoints = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      String what = "\"" + field + "\" of entry " + position;
      switch (field) {
        case "idx" -> idx = number(p, what);
        case "when" -> when = number(p, what);
        case "tag" -> tag = text(p, what);
        case "breakpoints" -> breakpoints = bool(p, what);
        default -> p.skipChildren();
      }
    }
    if (tag == null) {
      throw error(
          start,
          "entry "
              + position
              + " has no \"tag\" (drizzle-kit writes idx, version, when, tag and breakpoints for"
              + " each migration); regenerate the journal with drizzle-kit or add the tag");
    }
    return new Journal.Entry(position, (int) start.getLineNr(), idx, when, tag, breakpoints);
  }

  private @Nullable String text(JsonParser p, String what) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_STRING -> p.getText();
      case VALUE_NULL -> null;
      default ->
          throw error(p.currentTokenLocation(), what + " must be a string, found " + describe(p));
    };
  }

  private long number(JsonParser p, String what) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
      throw error(p.currentTokenLocation(), what + " must be an integer, found " + describe(p));
    }
    return p.getLongValue();
  }

  private boolean bool(JsonParser p, String what) throws IOException {
    return switch (p.currentToken()) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default ->
          throw error(
              p.currentTokenLocation(), what + " must be true or false, found " + describe(p));
    };
  }

  private static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "\"" + p.getText() + "\"";
      default -> p.getText();
    };
  }

  private MigrationDiscoveryException notAJournal(@Nullable JsonParser p, String why) {
    String where =
        p == null
            ? origin
            : origin
                + ":"
                + p.currentTokenLocation().getLineNr()
                + ":"
                + p.currentTokenLocation().getColumnNr();
    return new MigrationDiscoveryException(
        where
            + " is not a drizzle-kit journal: "
            + why
            + " (expected {\"version\": ..., \"dialect\": ..., \"entries\": [...]}); restore it"
            + " from version control or regenerate it with drizzle-kit",
        List.of(origin));
  }

  private MigrationDiscoveryException error(JsonLocation at, String what) {
    return new MigrationDiscoveryException(
        origin + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + what, List.of(origin));
  }
}
