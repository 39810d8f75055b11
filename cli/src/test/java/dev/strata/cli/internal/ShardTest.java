package dev.strata.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {
  @Test
  void aShardIsWrittenIndexSlashCountOrCountAloneWithTheIndexFromTheJob() {
    assertThat(Shard.parse("1/4", null)).isEqualTo(new Shard(1, 4));
    assertThat(Shard.parse(" 0 / 2 ", "7")).isEqualTo(new Shard(0, 2));
    assertThat(Shard.parse("4", "3")).isEqualTo(new Shard(3, 4));
  }

  @Test
  void malformedShardsNameTheOption() {
    assertThatThrownBy(() -> Shard.parse("4/4", null))
        .hasMessageContaining("write I/N with 0 <= I < N");
    assertThatThrownBy(() -> Shard.parse("a/b", null))
        .hasMessageContaining("--shard 'a/b' is not a shard");
    assertThatThrownBy(() -> Shard.parse("4", null)).hasMessageContaining("JOB_COMPLETION_INDEX");
    assertThatThrownBy(() -> Shard.parse("4", "x"))
        .hasMessageContaining("JOB_COMPLETION_INDEX is 'x'");
  }

  @Test
  void theShardsOfACountPartitionAnyListOfSchemas() {
    List<String> schemas = IntStream.range(0, 500).mapToObj(i -> "tenant_" + i).toList();
    for (int count = 1; count <= 7; count++) {
      List<String> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        all.addAll(new Shard(i, count).select(schemas));
      }
      assertThat(all).containsExactlyInAnyOrderElementsOf(schemas);
    }
  }

  @Test
  void aSchemasShardDependsOnItsNameAloneAsCrc32ModuloTheCount() {
    // Python: zlib.crc32(b"tenant_1") == 3873837707, and 3873837707 % 3 == 2.
    assertThat(new Shard(2, 3).owns("tenant_1")).isTrue();
    assertThat(new Shard(0, 3).owns("tenant_1")).isFalse();
    assertThat(new Shard(1, 3).owns("tenant_1")).isFalse();
  }
}
