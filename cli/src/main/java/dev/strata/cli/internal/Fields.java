package dev.strata.cli.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The structured fields of one output line, in order ({@code version}, {@code duration_ms}, ...);
 * they become JSON fields under {@code --log-format json} and are not shown as text. Not
 * thread-safe.
 */
final class Fields {
  private final Map<String, Object> values = new LinkedHashMap<>();

  private Fields() {}

  static Fields of() {
    return new Fields();
  }

  static Fields of(String name, @Nullable Object value) {
    return new Fields().with(name, value);
  }

  /** Adds a field; a {@code null} value leaves the field out. */
  Fields with(String name, @Nullable Object value) {
    if (value != null) {
      values.put(name, value);
    }
    return this;
  }

  Map<String, Object> asMap() {
    return Collections.unmodifiableMap(values);
  }
}
