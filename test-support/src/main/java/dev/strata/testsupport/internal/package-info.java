/** Strata's test-support implementation; internal, and may change in any release without notice. */
@NullMarked
package dev.strata.testsupport.internal;

import org.jspecify.annotations.NullMarked;
