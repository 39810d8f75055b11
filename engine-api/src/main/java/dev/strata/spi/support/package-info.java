/**
 * Helpers that dialects and sources may use to implement the SPI of {@link dev.strata.spi}
 * (file-name conventions, the history table's columns, a generic row lock, the words of a statement
 * for lint rules), so that each need not write its own.
 */
@NullMarked
package dev.strata.spi.support;

import org.jspecify.annotations.NullMarked;
