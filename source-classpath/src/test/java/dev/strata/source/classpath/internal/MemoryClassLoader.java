package dev.strata.source.classpath.internal;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves resources from memory through {@code mem:} URLs that read files but refuse to list
 * directories, like an application server's virtual file system; it records every directory listing
 * attempted.
 */
final class MemoryClassLoader extends ClassLoader {
  private final Map<String, byte[]> files = new TreeMap<>();
  final List<String> listingsAttempted = new ArrayList<>();

  MemoryClassLoader() {
    super("memory", null);
  }

  MemoryClassLoader file(String name, String content) {
    files.put(name, content.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  @Override
  protected URL findResource(String name) {
    String key = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    boolean exists =
        files.containsKey(key) || files.keySet().stream().anyMatch(f -> f.startsWith(key + "/"));
    try {
      return exists ? new URL(null, "mem:/" + key, handler) : null;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected Enumeration<URL> findResources(String name) {
    URL url = findResource(name);
    return Collections.enumeration(url == null ? List.of() : List.of(url));
  }

  private final URLStreamHandler handler =
      new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) throws IOException {
          String name = u.getPath().substring(1);
          byte[] content = files.get(name);
          boolean directory =
              content == null && files.keySet().stream().anyMatch(f -> f.startsWith(name + "/"));
          if (content == null && !directory) {
            throw new FileNotFoundException(u.toString());
          }
          return new URLConnection(u) {
            @Override
            public void connect() {}

            @Override
            public InputStream getInputStream() throws IOException {
              if (directory) {
                listingsAttempted.add(name);
                throw new IOException("mem: directories cannot be listed");
              }
              return new ByteArrayInputStream(content);
            }
          };
        }
      };
}
