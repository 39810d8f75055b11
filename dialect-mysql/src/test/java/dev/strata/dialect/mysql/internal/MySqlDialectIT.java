package dev.strata.dialect.mysql.internal;

import dev.strata.testsupport.MySqlTest;

/** The dialect against the MySQL test server (MariaDB here), one fresh database per test. */
@MySqlTest
class MySqlDialectIT extends MySqlDialectContract {}
