package dev.strata.cli.internal;

/**
 * The two ways output is written: for people ({@code text}) and for programs ({@code json}). Given
 * in lower case on the command line.
 */
enum Format {
  TEXT,
  JSON
}
