// Skipped, with the reason printed, without a PostgreSQL server; under CI=true that fails instead.
return dev.strata.maven.ItDatabases.available(basedir)
