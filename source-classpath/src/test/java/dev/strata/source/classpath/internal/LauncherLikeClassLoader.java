package dev.strata.source.classpath.internal;

import java.io.IOException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers resource lookups with the URLs Spring Boot's launcher gives ({@code jar:nested:...} and
 * the older {@code jar:file:...!/BOOT-INF/lib/x.jar!/...}), but with no handler able to open them,
 * as when Spring Boot's loader is absent: whatever reads them must take them apart itself.
 */
final class LauncherLikeClassLoader extends ClassLoader {
  private final Map<String, List<URL>> resources = new LinkedHashMap<>();

  LauncherLikeClassLoader(ClassLoader parent) {
    super("launcher-like", parent);
  }

  /** Answers {@code name} (and {@code name/}) with {@code spec}, a URL no handler can open. */
  LauncherLikeClassLoader resource(String name, String spec) throws IOException {
    resources.computeIfAbsent(name, n -> new ArrayList<>()).add(new URL(null, spec, UNOPENABLE));
    return this;
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    return Collections.enumeration(resources.getOrDefault(key, List.of()));
  }

  @Override
  protected URL findResource(String name) {
    List<URL> urls = resources.get(name);
    return urls == null ? null : urls.get(0);
  }

  static final URLStreamHandler UNOPENABLE =
      new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) throws IOException {
          throw new IOException("no URL handler for " + u + ", as without Spring Boot's launcher");
        }

        @Override
        protected void parseURL(URL u, String spec, int start, int limit) {
          setURL(u, "jar", null, -1, null, null, spec.substring(start, limit), null, null);
        }
      };
}
