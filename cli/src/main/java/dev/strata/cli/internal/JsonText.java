package dev.strata.cli.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Writes maps, lists, strings, numbers and booleans as one line of JSON with jackson-core's
 * streaming generator. Non-ASCII characters are escaped, so the line survives any terminal or
 * log-collector encoding. Immutable and thread-safe.
 */
final class JsonText {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private JsonText() {}

  /** {@code object} as compact JSON, every string passed through {@code strings} first. */
  static String of(Map<String, ?> object, UnaryOperator<String> strings) {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(buffer)) {
      write(json, object, strings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to a string", e);
    }
    return buffer.toString();
  }

  private static void write(
      JsonGenerator json, @Nullable Object value, UnaryOperator<String> strings)
      throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        json.writeFieldName(String.valueOf(e.getKey()));
        write(json, e.getValue(), strings);
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object item : list) {
        write(json, item, strings);
      }
      json.writeEndArray();
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof Number n) {
      json.writeNumber(n.toString());
    } else {
      json.writeString(strings.apply(value.toString()));
    }
  }
}
