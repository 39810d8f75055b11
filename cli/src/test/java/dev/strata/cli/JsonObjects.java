package dev.strata.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the CLI's JSON with jackson-core, strictly: one object per line, nothing after it. */
final class JsonObjects {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonObjects() {}

  static Map<String, Object> parse(String line) {
    try (JsonParser p = FACTORY.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new AssertionError("not a JSON object: " + line);
      }
      Map<String, Object> object = readObject(p);
      if (p.nextToken() != null) {
        throw new AssertionError("more than one JSON value on the line: " + line);
      }
      return object;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(Object list) {
    return (List<Map<String, Object>>) list;
  }

  private static Map<String, Object> readObject(JsonParser p) throws IOException {
    Map<String, Object> object = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      object.put(name, readValue(p));
    }
    return object;
  }

  private static Object readValue(JsonParser p) throws IOException {
    return switch (p.currentToken()) {
      case START_OBJECT -> readObject(p);
      case START_ARRAY -> {
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(p));
        }
        yield list;
      }
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + p.currentToken());
    };
  }
}
