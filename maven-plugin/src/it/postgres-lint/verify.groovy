import dev.strata.maven.ItDatabases

try {
  def log = new File(basedir, 'build.log').text
  def file = new File(basedir, 'src/main/resources/db/migration/V1__index_person_name.sql').path
  assert log.contains("[ERROR] ${file}:2: warning require-concurrent-index-creation: ")
  assert log.contains('lint: 1 finding; failing at warning (failOn, strata.failOn):')
  assert log.contains('BUILD FAILURE')
  assert !(log =~ /\tat [a-z]+\./): 'no stack trace without -e'

  // lint changes nothing: the history table does not exist, the index was not built.
  ItDatabases.of(basedir).connect().withCloseable { c ->
    def rs = c.createStatement().executeQuery(
        "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'public'")
    rs.next()
    assert rs.getString(1) == 'person,person_pkey'
  }
} finally {
  ItDatabases.drop(basedir)
}
return true
