/**
 * The entry point: {@link dev.strata.core.Strata#configure()} builds an immutable {@link
 * dev.strata.core.StrataConfiguration} and loads a {@link dev.strata.core.Strata} that runs the
 * commands.
 */
@NullMarked
package dev.strata.core;

import org.jspecify.annotations.NullMarked;
