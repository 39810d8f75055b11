/**
 * The {@code classpath:} migration source: {@link
 * dev.strata.source.classpath.ClasspathSourceProvider} (registered with {@link
 * java.util.ServiceLoader}) and {@link dev.strata.source.classpath.ClasspathIndex}, which writes
 * the optional build-time index.
 */
@NullMarked
package dev.strata.source.classpath;

import org.jspecify.annotations.NullMarked;
