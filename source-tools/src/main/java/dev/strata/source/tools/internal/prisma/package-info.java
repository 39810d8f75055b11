/** The prisma source's implementation; it is internal and may change at any time. */
@NullMarked
package dev.strata.source.tools.internal.prisma;

import org.jspecify.annotations.NullMarked;
