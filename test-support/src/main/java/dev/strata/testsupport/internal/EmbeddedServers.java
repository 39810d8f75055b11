package dev.strata.testsupport.internal;

import dev.strata.embedded.EmbeddedMariaDb;
import dev.strata.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The servers run from binaries jars: one per jar, started on first use, stopped at JVM exit. */
final class EmbeddedServers {
  private static final Map<Path, JdbcUrl> STARTED = new LinkedHashMap<>();

  private EmbeddedServers() {}

  static synchronized JdbcUrl start(ServerKind kind, Path jar) throws Exception {
    Path key = jar.toAbsolutePath().normalize();
    JdbcUrl started = STARTED.get(key);
    if (started != null) {
      return started;
    }
    AutoCloseable server;
    String url;
    if (kind == ServerKind.POSTGRES) {
      EmbeddedPostgres pg = EmbeddedPostgres.start(key);
      server = pg;
      url = pg.url();
    } else if (kind == ServerKind.MYSQL) {
      EmbeddedMariaDb maria = EmbeddedMariaDb.start(key);
      server = maria;
      url = maria.url();
    } else {
      throw new IllegalArgumentException("no embedded server for " + kind.product());
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (Exception ignored) {
                    // the JVM is going; a data folder left in the temp folder is harmless
                  }
                },
                "strata-embedded-server-stop"));
    JdbcUrl parsed = JdbcUrl.parse(url);
    STARTED.put(key, parsed);
    return parsed;
  }
}
