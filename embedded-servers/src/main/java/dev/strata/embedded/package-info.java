/**
 * PostgreSQL and MariaDB servers run from binaries that Maven Central carries as jars, on a free
 * loopback port, for tests: no installed server, no Docker, also when the JVM runs as root.
 */
@NullMarked
package dev.strata.embedded;

import org.jspecify.annotations.NullMarked;
