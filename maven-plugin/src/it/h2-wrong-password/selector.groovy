// The database exists, with the user app and another password than the pom's.
new File(basedir, 'migrations').mkdirs()
new File(basedir, 'migrations/V1__create_person.sql').text = 'CREATE TABLE person (id INT);\n'
new org.h2.Driver().connect("jdbc:h2:file:${basedir}/target/h2/db;USER=app;PASSWORD=right-password", new Properties()).close()
return true
