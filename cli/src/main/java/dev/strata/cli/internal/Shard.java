package dev.strata.cli.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * {@code --shard I/N}: the part of the schemas one process migrates when N processes (the pods of a
 * Kubernetes Indexed Job) share them. A schema belongs to shard {@code CRC-32(name) mod N}: the
 * CRC-32 of its name's UTF-8 bytes, the name as the catalog spells it. That depends on the name
 * alone, not on which other schemas exist, so shards that list the catalog at slightly different
 * moments (a tenant created meanwhile) still never migrate the same schema twice, and any tool can
 * compute it ({@code zlib.crc32}). Immutable.
 *
 * @param index 0-based, as Kubernetes' {@code JOB_COMPLETION_INDEX}
 * @param count how many shards there are
 */
record Shard(int index, int count) {
  Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException(
          "--shard "
              + index
              + "/"
              + count
              + " is not a shard: write I/N with 0 <= I < N, e.g. 0/4");
    }
  }

  /**
   * {@code I/N}, or {@code N} alone with the index from {@code JOB_COMPLETION_INDEX}.
   *
   * @param jobIndex the value of {@code JOB_COMPLETION_INDEX}, or {@code null}
   * @throws IllegalArgumentException naming the option, when it is malformed or the index is
   *     missing
   */
  static Shard parse(String text, @Nullable String jobIndex) {
    String t = text.strip();
    int slash = t.indexOf('/');
    String index = slash < 0 ? jobIndex : t.substring(0, slash).strip();
    String count = slash < 0 ? t : t.substring(slash + 1).strip();
    if (index == null || index.isBlank()) {
      throw new IllegalArgumentException(
          "--shard "
              + t
              + " needs the shard's index: write --shard I/"
              + count
              + ", or run it where JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job)");
    }
    try {
      return new Shard(Integer.parseInt(index.strip()), Integer.parseInt(count));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--shard '"
              + t
              + "' is not a shard: write I/N, e.g. 0/4 (I from 0 to N-1)"
              + (slash < 0 ? "; JOB_COMPLETION_INDEX is '" + jobIndex + "'" : ""),
          e);
    }
  }

  /** Whether {@code schema} belongs to this shard. */
  boolean owns(String schema) {
    CRC32 crc = new CRC32();
    crc.update(schema.getBytes(StandardCharsets.UTF_8));
    return crc.getValue() % count == index;
  }

  /** The schemas of this shard, in their order. */
  List<String> select(List<String> schemas) {
    return schemas.stream().filter(this::owns).toList();
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
