/**
 * The Maven plugin, {@code dev.strata:strata-maven-plugin} (prefix {@code strata}): the goals
 * {@code migrate}, {@code plan}, {@code status}, {@code validate} and {@code lint} run the engine
 * against the configured database, {@code index} writes the classpath source's build-time index.
 * Every engine option of {@link dev.strata.core.StrataOption} is a parameter of the database goals,
 * also settable as the user property {@code strata.<option>}.
 */
@NullMarked
package dev.strata.maven;

import org.jspecify.annotations.NullMarked;
