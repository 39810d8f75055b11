/**
 * The types users of Strata see: versions, the plan, results, events and exceptions.
 *
 * <p>Every type here is immutable and thread-safe unless its documentation says otherwise.
 */
@NullMarked
package dev.strata.api;

import org.jspecify.annotations.NullMarked;
