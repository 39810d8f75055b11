/** H2's schema inspection: the model read from H2's {@code INFORMATION_SCHEMA}. */
@NullMarked
package dev.strata.dialect.h2.internal.schema;

import org.jspecify.annotations.NullMarked;
