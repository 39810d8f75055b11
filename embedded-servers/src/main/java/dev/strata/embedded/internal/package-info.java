/** What the embedded servers share: unpacked folders and the processes that run them. */
@NullMarked
package dev.strata.embedded.internal;

import org.jspecify.annotations.NullMarked;
