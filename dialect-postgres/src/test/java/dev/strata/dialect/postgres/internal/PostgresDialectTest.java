package dev.strata.dialect.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The parts of the dialect that need no server; {@code PostgresDialectIT} covers the rest. */
class PostgresDialectTest {
  private final PostgresDialect dialect = new PostgresDialect(15);

  @Test
  void describesPostgres() {
    assertThat(dialect.name()).isEqualTo("postgresql");
    assertThat(dialect.fileTags()).containsExactlyInAnyOrder("postgres", "postgresql", "pg", "pgx");
    assertThat(dialect.supportsTransactionalDdl()).isTrue();
  }

  @Test
  void quotesIdentifiersDoublingEmbeddedQuotes() {
    assertThat(dialect.quote("strata_schema_history")).isEqualTo("\"strata_schema_history\"");
    assertThat(dialect.quote("My \"Table\"")).isEqualTo("\"My \"\"Table\"\"\"");
  }

  @Test
  void refusesEmptyIdentifiersAndIdentifiersWithNul() {
    assertThatThrownBy(() -> dialect.quote(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an identifier cannot be empty");
    assertThatThrownBy(() -> dialect.quote("a\0b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an identifier cannot contain the NUL character: a?b");
  }

  @Test
  void createsTheHistoryTableWithPostgresTypes() {
    String table = "\"public\".\"strata_schema_history\"";
    assertThat(dialect.createHistoryTable(table))
        .containsExactly(
            "CREATE TABLE IF NOT EXISTS \"public\".\"strata_schema_history\" (\n"
                + "  \"installed_rank\" integer PRIMARY KEY,\n"
                + "  \"version\" varchar(50),\n"
                + "  \"description\" varchar(200) NOT NULL,\n"
                + "  \"action\" varchar(20) NOT NULL,\n"
                + "  \"script\" varchar(1000) NOT NULL,\n"
                + "  \"checksum\" varchar(64),\n"
                + "  \"success\" boolean NOT NULL,\n"
                + "  \"statements_applied\" integer NOT NULL,\n"
                + "  \"installed_by\" varchar(100) NOT NULL,\n"
                + "  \"installed_at\" timestamptz NOT NULL DEFAULT now(),\n"
                + "  \"duration_ms\" bigint NOT NULL,\n"
                + "  \"engine_version\" varchar(20) NOT NULL,\n"
                + "  \"session_info\" varchar(500),\n"
                + "  \"run_id\" VARCHAR(36),\n"
                + "  \"release_label\" VARCHAR(100)\n"
                + ")");
  }

  @Test
  void derivesAStableLockKeyFromTheSha256OfTheLockName() {
    // Pinned: every Strata version must derive the same key, or two versions would not exclude
    // each other. sha256("strata:public.strata_schema_history") starts 66 12 2f d0 49 36 d4 b8.
    assertThat(AdvisoryLock.keyOf("strata:public.strata_schema_history"))
        .isEqualTo(0x66122fd04936d4b8L)
        .isEqualTo(7354993713077474488L);
    assertThat(AdvisoryLock.keyOf("")).isEqualTo(0xe3b0c44298fc1c14L);
    assertThat(AdvisoryLock.keyOf("strata:other.strata_schema_history"))
        .isNotEqualTo(AdvisoryLock.keyOf("strata:public.strata_schema_history"));
  }

  @Test
  void writesTheLockTimeoutInSecondsOrMilliseconds() {
    assertThat(dialect.lockTimeoutSetting()).isEqualTo("10s");
    assertThat(new PostgresDialect(15, Duration.ofMillis(1500)).lockTimeoutSetting())
        .isEqualTo("1500ms");
    assertThat(new PostgresDialect(15, Duration.ZERO).lockTimeoutSetting()).isEqualTo("0s");
    assertThatThrownBy(() -> new PostgresDialect(15, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
