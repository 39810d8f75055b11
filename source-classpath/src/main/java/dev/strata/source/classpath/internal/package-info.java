/**
 * The classpath source's implementation; internal, and may change in any release without notice.
 */
@NullMarked
package dev.strata.source.classpath.internal;

import org.jspecify.annotations.NullMarked;
