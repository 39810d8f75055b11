// A PostgreSQL database of this IT's own, with a table the migration indexes (an index on a table
// the same run creates blocks nobody, so lint leaves it alone); handed to the build as
// -Dstrata.url through the user properties file that invoker.properties names. verify.groovy
// drops it.
def db = dev.strata.maven.ItDatabases.create(basedir)
db.connect().withCloseable { c ->
  c.createStatement().execute('CREATE TABLE person (id BIGINT PRIMARY KEY, name TEXT NOT NULL)')
}
def properties = new Properties()
properties.setProperty('strata.url', db.jdbcUrl())
new File(basedir, 'database.properties').withWriter('UTF-8') { properties.store(it, null) }
return true
