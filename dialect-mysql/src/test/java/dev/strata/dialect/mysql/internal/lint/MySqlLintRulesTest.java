package dev.strata.dialect.mysql.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrationPhase;
import dev.strata.api.SqlStatement;
import dev.strata.core.internal.lint.Linter;
import dev.strata.spi.LintContext;
import dev.strata.spi.LintRule;
import dev.strata.spi.SqlTokens;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MySqlLintRulesTest {

  /** The ids of the MySQL rules that flag {@code sql}, with {@code newTables} new. */
  static List<String> rules(String sql, String... newTables) {
    return MySqlLintRules.all().stream()
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
            false,
            created::contains));
  }

  static List<String> messages(String id, String sql) {
    LintRule rule =
        MySqlLintRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    return check(rule, sql);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ALTER TABLE person ADD COLUMN age int|require-online-alter",
        "ALTER TABLE `app`.`person` ADD INDEX person_email (email)|require-online-alter",
        "ALTER TABLE person ADD COLUMN age int, ALGORITHM=INPLACE|require-online-alter",
        "ALTER TABLE person ADD COLUMN age int, LOCK=NONE|require-online-alter",
        "ALTER TABLE person MODIFY age bigint, ALGORITHM=COPY, LOCK=NONE|require-online-alter",
        "ALTER TABLE person ADD INDEX i (a), ALGORITHM=INPLACE, LOCK=SHARED|require-online-alter",
        "ALTER IGNORE TABLE person ADD UNIQUE (email)|require-online-alter",
        "ALTER TABLE person ADD COLUMN token char(36) DEFAULT (uuid())|require-online-alter"
            + " adding-column-with-expression-default",
        "ALTER TABLE person ADD token char(36) DEFAULT (uuid()), ALGORITHM=INPLACE,"
            + " LOCK=NONE|adding-column-with-expression-default",
        "ALTER TABLE person ADD COLUMN tags json NOT NULL DEFAULT (JSON_ARRAY()),"
            + " LOCK=NONE|require-online-alter adding-column-with-expression-default",
        "ALTER TABLE person ADD COLUMN token char(36) DEFAULT uuid(), ALGORITHM=NOCOPY,"
            + " LOCK=NONE|adding-column-with-expression-default",
        "ALTER TABLE person ADD COLUMN (a int, b date DEFAULT (CURRENT_DATE + INTERVAL 1 YEAR)),"
            + " ALGORITHM=INPLACE, LOCK=NONE|adding-column-with-expression-default",
        "ALTER TABLE `person` ADD `advanced_options` text DEFAULT ('{\"json\": {}}') NOT"
            + " NULL|require-online-alter adding-column-with-expression-default",
        "CREATE INDEX person_email ON person (email)|require-online-index",
        "CREATE UNIQUE INDEX IF NOT EXISTS person_email ON app.person (email) USING"
            + " BTREE|require-online-index",
        "CREATE INDEX person_email ON person (email) ALGORITHM=INPLACE|require-online-index",
        "CREATE INDEX person_email ON person (email) LOCK=NONE|require-online-index",
        "CREATE OR REPLACE FULLTEXT INDEX person_bio ON person (bio) ALGORITHM=COPY"
            + " LOCK=NONE|require-online-index"
      })
  void flagsDangerousStatementsOnExistingTables(String sql, String expected) {
    assertThat(rules(sql)).containsExactly(expected.split(" "));
    assertThat(rules(sql, "person")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ALTER TABLE person ADD COLUMN age int, ALGORITHM=INPLACE, LOCK=NONE",
        "ALTER TABLE person ADD COLUMN age int, ALGORITHM = INSTANT",
        "ALTER TABLE person ADD COLUMN age int, algorithm instant",
        "ALTER TABLE person ADD COLUMN age int, LOCK=NONE, ALGORITHM=NOCOPY",
        "ALTER ONLINE TABLE person ADD INDEX i (a), ALGORITHM=INPLACE",
        "ALTER TABLE person ADD COLUMN seen datetime DEFAULT CURRENT_TIMESTAMP, ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN seen datetime(3) DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE"
            + " CURRENT_TIMESTAMP(3), ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN seen datetime DEFAULT now(), ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN note varchar(20) DEFAULT '(uuid())', ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN flag bit(1) DEFAULT b'0', ALGORITHM=INSTANT",
        "ALTER TABLE person ALTER COLUMN token SET DEFAULT (uuid()), ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN tags json NOT NULL DEFAULT (JSON_ARRAY()),"
            + " ALGORITHM=INSTANT",
        "ALTER TABLE person ADD COLUMN size varchar(2) DEFAULT ('lg'), ALGORITHM=INSTANT",
        "ALTER TABLE person ADD CONSTRAINT c CHECK (age > 0), ALGORITHM=INPLACE, LOCK=NONE",
        "CREATE INDEX person_email ON person (email) ALGORITHM=INPLACE LOCK=NONE",
        "CREATE INDEX person_email ON person (email) LOCK = NONE ALGORITHM = INPLACE",
        "CREATE TABLE person (id int PRIMARY KEY, token char(36) DEFAULT (uuid()), INDEX (token))",
        "CREATE VIEW adults AS SELECT * FROM person WHERE age > 17",
        "INSERT INTO audit VALUES ('ALTER TABLE person ADD COLUMN age int')",
        "ALTER VIEW adults AS SELECT * FROM person"
      })
  void leavesOnlineFormsAndNearMissesAlone(String sql) {
    assertThat(rules(sql)).isEmpty();
  }

  @Test
  void saysWhyAndTheSaferWayNamingTheObject() {
    assertThat(messages("require-online-alter", "ALTER TABLE app.person ADD COLUMN age int"))
        .containsExactly(
            "ALTER TABLE person without ALGORITHM and LOCK lets the server copy the whole table"
                + " while writes wait whenever it cannot change it in place; add"
                + " ALGORITHM=INPLACE, LOCK=NONE (or ALGORITHM=INSTANT) so that the server refuses"
                + " such a change instead, and make a change it refuses with an online"
                + " schema-change tool (gh-ost, pt-online-schema-change)");
    assertThat(messages("require-online-alter", "ALTER TABLE person ADD x int, ALGORITHM=COPY"))
        .singleElement()
        .asString()
        .startsWith("ALTER TABLE person with ALGORITHM=COPY lets");
    assertThat(
            messages(
                "require-online-alter",
                "ALTER TABLE person ADD x int, ALGORITHM=INPLACE, LOCK=SHARED"))
        .singleElement()
        .asString()
        .startsWith("ALTER TABLE person with LOCK=SHARED lets");
    assertThat(
            messages(
                "require-online-index",
                "CREATE INDEX IF NOT EXISTS `Person_Email` ON person (email) ALGORITHM=INPLACE"))
        .containsExactly(
            "creating index person_email on person without LOCK=NONE lets the server build it by"
                + " copying the table or while writes wait; add ALGORITHM=INPLACE LOCK=NONE so"
                + " that it builds the index online or refuses");
    assertThat(
            messages(
                "adding-column-with-expression-default",
                "ALTER TABLE person ADD COLUMN (a int DEFAULT 1, b char(36) DEFAULT (uuid()))"))
        .singleElement()
        .asString()
        .startsWith(
            "adding column person.b with an expression default makes MySQL rebuild the table")
        .contains("SET DEFAULT (...) in a later statement", "or add ALGORITHM=INSTANT");
  }

  @Test
  void addsThreeRulesWithKebabCaseIdsDistinctFromTheEngines() {
    List<String> ids = new Linter(MySqlLintRules.all()).ruleIds();

    assertThat(ids).doesNotHaveDuplicates().hasSize(4 + 3).startsWith("ban-drop-table");
    assertThat(MySqlLintRules.all())
        .allSatisfy(rule -> assertThat(rule.id()).matches("[a-z]+(-[a-z]+)+"));
  }
}
