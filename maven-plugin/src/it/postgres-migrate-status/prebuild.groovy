// A PostgreSQL database of this IT's own, handed to the build as -Dstrata.url through the user
// properties file that invoker.properties names; verify.groovy drops it.
def url = dev.strata.maven.ItDatabases.create(basedir).jdbcUrl()
def properties = new Properties()
properties.setProperty('strata.url', url)
new File(basedir, 'database.properties').withWriter('UTF-8') { properties.store(it, null) }
return true
