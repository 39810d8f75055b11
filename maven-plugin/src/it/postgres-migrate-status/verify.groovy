import dev.strata.maven.ItDatabases

try {
  def log = new File(basedir, 'build.log').text
  assert log.contains('plan: migrate would apply 2 migrations with 2 statements; nothing was changed')
  assert log =~ /Applied V1 create person in \d+ ms \(1 statement\)/
  assert log =~ /applied 2 migrations \(V1, V2\) in \d+ ms/
  assert log =~ /V2 add email: applied \S+ by postgres in \d+ ms/
  assert log.contains('2 migrations: 2 applied; up to date')
  assert log.contains('valid: sources and history agree')

  def columns = []
  ItDatabases.of(basedir).connect().withCloseable { c ->
    def rs = c.createStatement().executeQuery(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'person' ORDER BY ordinal_position")
    while (rs.next()) {
      columns << rs.getString(1)
    }
  }
  assert columns == ['id', 'name', 'email']
} finally {
  ItDatabases.drop(basedir)
}
return true
