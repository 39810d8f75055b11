/** The dbmate source' implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal.dbmate;

import org.jspecify.annotations.NullMarked;
