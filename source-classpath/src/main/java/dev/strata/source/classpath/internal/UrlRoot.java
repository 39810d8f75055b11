package dev.strata.source.classpath.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The location at a URL of a kind Strata does not take apart (an application server's {@code vfs:},
 * {@code wsjar:}, a custom class loader's protocol). Files are read through the URL's own handler;
 * listing works when its connection is a {@link JarURLConnection}, and otherwise needs the
 * build-time index ({@code strata-index.txt}).
 *
 * @param url the location's URL, without a trailing slash
 * @param path the configured location's path
 */
record UrlRoot(URL url, String path) implements Root {

  @Override
  public String identity() {
    return url.toString();
  }

  @Override
  public String container() {
    String s = url.toString();
    return s.endsWith("/" + path) ? s.substring(0, s.length() - path.length() - 1) : s;
  }

  @Override
  public String fullContainer() {
    return url.toString();
  }

  @Override
  public List<String> list() throws IOException {
    URLConnection connection = url.openConnection();
    if (!(connection instanceof JarURLConnection jarConnection)) {
      throw new IOException(
          "a "
              + url.getProtocol()
              + ": URL cannot be listed; generate "
              + IndexFile.NAME
              + " at build time (dev.strata.source.classpath.ClasspathIndex) so that no listing is needed");
    }
    // An uncached jar is ours to close; a cached one belongs to every user of the URL.
    jarConnection.setUseCaches(false);
    String entry = jarConnection.getEntryName();
    String prefix =
        entry == null || entry.isEmpty() ? "" : entry.endsWith("/") ? entry : entry + "/";
    List<String> names = new ArrayList<>();
    try (JarFile jar = jarConnection.getJarFile()) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry e = entries.nextElement();
        if (!e.isDirectory() && e.getName().startsWith(prefix)) {
          names.add(e.getName().substring(prefix.length()));
        }
      }
    }
    return names;
  }

  @Override
  public byte[] read(String relative) throws IOException {
    // The context URL carries its handler over to the file's URL.
    URL file = new URL(url, url + "/" + UrlPaths.encode(relative));
    try (InputStream in = file.openStream()) {
      return in.readAllBytes();
    }
  }
}
