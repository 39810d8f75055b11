/** The starter's implementation; internal, and may change in any release without notice. */
@NullMarked
package dev.strata.spring.boot.internal;

import org.jspecify.annotations.NullMarked;
