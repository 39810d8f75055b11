package dev.strata.reliability;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.h2.internal.H2Dialect;
import dev.strata.dialect.mysql.internal.MySqlScriptParser;
import dev.strata.dialect.postgres.internal.PostgresDialect;
import java.util.List;
import java.util.function.Function;

/** The script parsers under test, each through its dialect's public entry point. */
enum Parser {
  POSTGRES(new PostgresDialect(15)::parse),
  MYSQL(MySqlScriptParser.mySql()::parse),
  MARIADB(MySqlScriptParser.mariaDb()::parse),
  H2(H2Dialect.INSTANCE::parse);

  private final Function<String, List<SqlStatement>> parse;

  Parser(Function<String, List<SqlStatement>> parse) {
    this.parse = parse;
  }

  List<SqlStatement> parse(String script) {
    return parse.apply(script);
  }

  boolean isMySql() {
    return this == MYSQL || this == MARIADB;
  }
}
