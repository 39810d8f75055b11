/** The command line's implementation; internal, it may change in any release without notice. */
@NullMarked
package dev.strata.cli.internal;

import org.jspecify.annotations.NullMarked;
