package dev.strata.dialect.postgres.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrationPhase;
import dev.strata.api.SqlStatement;
import dev.strata.core.internal.lint.Linter;
import dev.strata.dialect.postgres.internal.PostgresDialect;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresLintRulesTest {

  /** The ids of the PostgreSQL rules that flag {@code sql}, with {@code newTables} new. */
  static List<String> rules(String sql, String... newTables) {
    return PostgresLintRules.all().stream()
        .filter(rule -> !check(rule, sql, newTables).isEmpty())
        .map(LintRule::id)
        .toList();
  }

  static List<String> check(LintRule rule, String sql, String... newTables) {
    Set<String> created = Set.of(newTables);
    return rule.check(
        new LintContext(
            SqlStatement.of(sql, 1),
            SqlTokens.of(sql),
            MigrationPhase.EXPAND,
            true,
            created::contains));
  }

  /** The messages of rule {@code id} for {@code sql}. */
  static List<String> messages(String id, String sql) {
    LintRule rule =
        PostgresLintRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    return check(rule, sql);
  }

  static Stream<Arguments> dangerousStatements() {
    return Stream.of(
        Arguments.of(
            "CREATE INDEX person_email ON person (email)", "require-concurrent-index-creation"),
        Arguments.of(
            "CREATE UNIQUE INDEX IF NOT EXISTS person_email ON public.person USING btree (email)",
            "require-concurrent-index-creation"),
        Arguments.of(
            "create index on only person (lower(email))", "require-concurrent-index-creation"),
        Arguments.of("DROP INDEX person_email", "require-concurrent-index-deletion"),
        Arguments.of(
            "DROP INDEX IF EXISTS public.a, b CASCADE", "require-concurrent-index-deletion"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN token uuid DEFAULT gen_random_uuid()",
            "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ADD seen timestamptz NOT NULL DEFAULT clock_timestamp()",
            "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN n bigint DEFAULT nextval('person_n_seq'::regclass)",
            "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN score float8 DEFAULT (random() * 10)",
            "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN n bigserial", "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN n int GENERATED ALWAYS AS IDENTITY",
            "adding-field-with-volatile-default"),
        Arguments.of(
            "ALTER TABLE person ALTER COLUMN email SET NOT NULL", "setting-not-nullable-field"),
        Arguments.of(
            "ALTER TABLE ONLY person ALTER email SET NOT NULL", "setting-not-nullable-field"),
        Arguments.of(
            "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (team_id) REFERENCES team"
                + " (id)",
            "constraint-missing-not-valid"),
        Arguments.of(
            "ALTER TABLE person ADD FOREIGN KEY (team_id) REFERENCES team",
            "constraint-missing-not-valid"),
        Arguments.of(
            "ALTER TABLE person ADD CONSTRAINT age_positive CHECK (age > 0)",
            "constraint-missing-not-valid"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN team_id int REFERENCES team (id)",
            "constraint-missing-not-valid"),
        Arguments.of(
            "ALTER TABLE person ADD CONSTRAINT person_email_key UNIQUE (email)",
            "disallowed-unique-constraint"),
        Arguments.of(
            "ALTER TABLE person ADD UNIQUE (email) USING INDEX TABLESPACE fast",
            "disallowed-unique-constraint"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN handle text UNIQUE", "disallowed-unique-constraint"),
        Arguments.of("ALTER TABLE person ADD PRIMARY KEY (id)", "adding-serial-primary-key-field"),
        Arguments.of(
            "ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY (id)",
            "adding-serial-primary-key-field"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN id serial PRIMARY KEY",
            "adding-field-with-volatile-default adding-serial-primary-key-field"),
        Arguments.of("ALTER TABLE person ADD COLUMN tenant int NOT NULL", "adding-required-field"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN IF NOT EXISTS tenant int NOT NULL REFERENCES tenant",
            "constraint-missing-not-valid adding-required-field"),
        Arguments.of(
            "ALTER TABLE person ADD COLUMN a int, ALTER COLUMN b SET NOT NULL",
            "setting-not-nullable-field"));
  }

  @ParameterizedTest
  @MethodSource("dangerousStatements")
  void flagsDangerousStatementsOnExistingTables(String sql, String expected) {
    assertThat(rules(sql)).containsExactly(expected.split(" "));
  }

  @ParameterizedTest
  @MethodSource("dangerousStatements")
  void leavesTablesCreatedEarlierInTheSameRunAlone(String sql, String expected) {
    List<String> flagged = rules(sql, "person");

    // DROP INDEX names no table, so it cannot tell.
    assertThat(flagged)
        .isEqualTo(
            expected.equals("require-concurrent-index-deletion") ? List.of(expected) : List.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY person_email ON person (email)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS person_email ON person (email)",
        "DROP INDEX CONCURRENTLY IF EXISTS person_email",
        "ALTER TABLE person ADD COLUMN seen timestamptz DEFAULT now()",
        "ALTER TABLE person ADD COLUMN seen timestamptz NOT NULL DEFAULT current_timestamp",
        "ALTER TABLE person ADD COLUMN note text DEFAULT 'random()'",
        "ALTER TABLE person ADD COLUMN random int",
        "ALTER TABLE person ALTER COLUMN token SET DEFAULT gen_random_uuid()",
        "ALTER TABLE person ALTER COLUMN email DROP NOT NULL",
        "ALTER TABLE person ALTER COLUMN email SET DEFAULT 'x'",
        "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (team_id) REFERENCES team"
            + " (id) NOT VALID",
        "ALTER TABLE person VALIDATE CONSTRAINT person_team_fk",
        "ALTER TABLE person ADD CONSTRAINT age_positive CHECK (age > 0) NOT VALID",
        "ALTER TABLE person ADD CONSTRAINT person_email_key UNIQUE USING INDEX person_email",
        "ALTER TABLE person ADD CONSTRAINT person_pkey PRIMARY KEY USING INDEX person_id",
        "ALTER TABLE person ADD COLUMN tenant int",
        "ALTER TABLE person ADD COLUMN tenant int NOT NULL DEFAULT 0",
        "ALTER TABLE person ADD COLUMN \"unique\" int",
        "CREATE TABLE code (iso varchar(2), kind \"char\", name character varying(30))",
        "CREATE TABLE note (body text CHECK (body <> 'char(3)'), kind text DEFAULT CAST('a' AS"
            + " char(1)))",
        "CREATE TABLE person (id serial PRIMARY KEY, email text NOT NULL UNIQUE)",
        "INSERT INTO audit VALUES ('CREATE INDEX i ON person (x)')",
        "COMMENT ON INDEX person_email IS 'DROP INDEX person_email'"
      })
  void leavesSaferFormsAndNearMissesAlone(String sql) {
    assertThat(rules(sql)).isEmpty();
  }

  @Test
  void flagsCharColumnsOnAnyTableAsInformation() {
    assertThat(
            messages(
                "ban-char-field", "CREATE TABLE code (iso char(2), name text, c3 character(3))"))
        .containsExactly(
            "column code.iso is char, which pads values with spaces and is no faster or smaller"
                + " than text; use text (with a CHECK on its length if needed) or varchar(n)",
            "column code.c3 is character, which pads values with spaces and is no faster or smaller"
                + " than text; use text (with a CHECK on its length if needed) or varchar(n)");
    assertThat(rules("ALTER TABLE code ALTER COLUMN iso SET DATA TYPE bpchar(2)", "code"))
        .containsExactly("ban-char-field");
    assertThat(
            messages("ban-char-field", "ALTER TABLE code ALTER COLUMN iso SET DATA TYPE bpchar(2)"))
        .singleElement()
        .asString()
        .startsWith("column code.iso is bpchar");
  }

  @Test
  void saysWhyAndTheSaferWayNamingTheObject() {
    assertThat(
            messages("require-concurrent-index-creation", "CREATE INDEX i ON app.person (email)"))
        .containsExactly(
            "creating an index on person blocks every write to the table until the index is"
                + " built; use CREATE INDEX CONCURRENTLY, alone in its own migration (it cannot run"
                + " in a transaction, so Strata runs a migration holding only it without one)");
    assertThat(messages("require-concurrent-index-deletion", "DROP INDEX IF EXISTS app.a, b"))
        .singleElement()
        .asString()
        .startsWith("dropping index a, b locks its table")
        .contains("DROP INDEX CONCURRENTLY, alone in its own migration");
    assertThat(
            messages(
                "adding-field-with-volatile-default",
                "ALTER TABLE person ADD token uuid DEFAULT public.gen_random_uuid()"))
        .singleElement()
        .asString()
        .startsWith(
            "adding column person.token with the volatile default gen_random_uuid() fills every"
                + " existing row")
        .contains("SET DEFAULT in a later statement");
    assertThat(
            messages("setting-not-nullable-field", "ALTER TABLE person ALTER email SET NOT NULL"))
        .singleElement()
        .asString()
        .contains("ADD CONSTRAINT email_not_null CHECK (email IS NOT NULL) NOT VALID")
        .contains("VALIDATE CONSTRAINT email_not_null")
        .contains("-- strata:lint-ignore=setting-not-nullable-field");
    assertThat(
            messages(
                "constraint-missing-not-valid",
                "ALTER TABLE person ADD CONSTRAINT person_team_fk FOREIGN KEY (t) REFERENCES team"))
        .singleElement()
        .asString()
        .startsWith("adding constraint person_team_fk to person checks every row")
        .contains("NOT VALID", "VALIDATE CONSTRAINT");
    assertThat(
            messages(
                "disallowed-unique-constraint",
                "ALTER TABLE person ADD CONSTRAINT k UNIQUE (email)"))
        .singleElement()
        .asString()
        .startsWith("adding constraint k to person builds its index")
        .contains(
            "CREATE UNIQUE INDEX CONCURRENTLY", "ADD CONSTRAINT <name> UNIQUE USING INDEX <index>");
    assertThat(
            messages("adding-serial-primary-key-field", "ALTER TABLE person ADD PRIMARY KEY (id)"))
        .singleElement()
        .asString()
        .contains("PRIMARY KEY USING INDEX <index>");
    assertThat(
            messages("adding-required-field", "ALTER TABLE person ADD COLUMN tenant int NOT NULL"))
        .singleElement()
        .asString()
        .startsWith(
            "adding column person.tenant NOT NULL without a default fails if the table has rows");
  }

  @Test
  void reportsEveryOffendingClauseOfOneStatement() {
    assertThat(
            messages(
                "setting-not-nullable-field",
                "ALTER TABLE person ALTER a SET NOT NULL, ALTER COLUMN b SET NOT NULL"))
        .hasSize(2);
  }

  @Test
  void addsNineRulesWithKebabCaseIdsDistinctFromTheEngines() {
    List<String> ids = new Linter(new PostgresDialect(15).lintRules()).ruleIds();

    assertThat(ids).doesNotHaveDuplicates().hasSize(4 + 9);
    assertThat(PostgresLintRules.all())
        .allSatisfy(rule -> assertThat(rule.id()).matches("[a-z]+(-[a-z]+)+"));
    assertThat(PostgresLintRules.all().stream().map(r -> r.id() + "=" + r.severity().label()))
        .contains(
            "adding-required-field=error",
            "ban-char-field=info",
            "require-concurrent-index-creation=warning");
    assertThat(ids).startsWith("ban-drop-table");
  }
}
