package dev.strata.backfill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Named Backfill* so the module's backfill test filter picks it up. */
class BackfillSqlNamesTest {
  final SqlNames postgres = new SqlNames(name -> '"' + name.replace("\"", "\"\"") + '"');
  final SqlNames mysql = new SqlNames(name -> '`' + name.replace("`", "``") + '`');

  @Test
  void usesPlainNamesAsWrittenSoTheyResolveLikeTheAuthorsSql() {
    assertThat(postgres.table("person")).isEqualTo("person");
    assertThat(postgres.table("app.person")).isEqualTo("app.person");
    assertThat(postgres.column("email_lower")).isEqualTo("email_lower");
  }

  @Test
  void usesNamesAlreadyInTheDatabasesQuotesAsWritten() {
    assertThat(postgres.table("\"Person\"")).isEqualTo("\"Person\"");
    assertThat(postgres.column("\"say \"\"hi\"\"\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(mysql.column("`Line Id`")).isEqualTo("`Line Id`");
  }

  @Test
  void quotesEveryOtherNameWithTheDatabasesQuote() {
    assertThat(postgres.table("Order Line")).isEqualTo("\"Order Line\"");
    assertThat(mysql.table("Order Line")).isEqualTo("`Order Line`");
    assertThat(postgres.column("id; DROP TABLE person")).isEqualTo("\"id; DROP TABLE person\"");
    assertThat(postgres.column("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(postgres.column("\"a\"b\"")).isEqualTo("\"\"\"a\"\"b\"\"\"");
    assertThat(mysql.column("x`; DROP TABLE t; --")).isEqualTo("`x``; DROP TABLE t; --`");
    assertThat(postgres.column("app.id")).isEqualTo("\"app.id\"");
  }

  @Test
  void alwaysQuotesStrataOwnNames() {
    assertThat(postgres.quoted("public")).isEqualTo("\"public\"");
    assertThat(mysql.quoted("strata_backfill")).isEqualTo("`strata_backfill`");
  }
}
