/**
 * Spring Boot support for Strata: {@link dev.strata.spring.boot.StrataAutoConfiguration} migrates
 * the application's database at startup (or refuses to start on a schema mismatch) before JPA,
 * jOOQ, JdbcTemplate users and SQL init scripts touch it, configured by {@code strata.*} properties
 * ({@link dev.strata.spring.boot.StrataProperties}).
 *
 * <p>Extension points: {@link dev.strata.spring.boot.StrataDataSource} picks the DataSource to
 * migrate, {@link dev.strata.spring.boot.StrataConfigurationCustomizer} beans adjust the
 * configuration, a {@link dev.strata.spring.boot.StrataMigrationStrategy} bean replaces what runs
 * at startup, and {@link dev.strata.api.StrataListener} beans receive the engine's events.
 */
@NullMarked
package dev.strata.spring.boot;

import org.jspecify.annotations.NullMarked;
