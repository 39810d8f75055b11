/**
 * The {@code strata} command line: {@link dev.strata.cli.Main} and its {@link
 * dev.strata.cli.ExitCode exit codes}.
 */
@NullMarked
package dev.strata.cli;

import org.jspecify.annotations.NullMarked;
