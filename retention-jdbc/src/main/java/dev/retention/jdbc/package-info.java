/**
 * Durable state over JDBC: {@link dev.retention.jdbc.JdbcCustomerStateStore}, the per-customer seam
 * with its four stores (events with per-customer summaries, profiles, the fire log with leased
 * claims, the loyalty ledgers), over PostgreSQL 14+ or an embedded SQLite file, and
 * {@link dev.retention.jdbc.RetentionSchema}, which applies the versioned schema scripts
 * ({@code db/retention/<dialect>/V1__...sql}, Flyway's naming) without Flyway.
 *
 * <h2>Wiring</h2>
 * <pre>{@code
 * DataSource dataSource = ...;                       // your pool (PostgreSQL) or an SQLiteDataSource
 * RetentionSchema.migrate(dataSource);               // idempotent; safe when two instances start at once
 * CustomerStateStore state = JdbcCustomerStateStore.open(dataSource);
 * Retention retention = Retention.builder().state(state)...build();
 * }</pre>
 *
 * <h2>Why plain JDBC, not Jdbi</h2>
 * The stores run some thirty short statements, each written once, and map rows by hand (a JSON
 * body beside the columns the queries need); what they need from a library is a transaction bound
 * to the calling thread across the four views, which they must manage themselves either way (the
 * seam's {@code update} opens it, the views join it). Jdbi would add a dependency to every user's
 * class path for row mapping this module does not use. Only prepared statements are used; the one
 * thing spliced into SQL is the table prefix, checked to be a plain identifier.
 *
 * <h2>Why SQLite as the embedded database, not H2</h2>
 * Measured on the project's 2-core machine (one event per transaction: insert the event, upsert
 * and update the customer's summary row; file database):
 * <table>
 *   <caption>Transactions per second, file database</caption>
 *   <tr><th>database, durability</th><th>1 writer</th><th>4 writers</th></tr>
 *   <tr><td>SQLite 3.54 WAL, synchronous=FULL (fsync per commit)</td><td>313</td><td>285</td></tr>
 *   <tr><td>SQLite 3.54 WAL, synchronous=NORMAL</td><td>2,426</td><td>2,195</td></tr>
 *   <tr><td>H2 2.5.252 MVStore (no fsync per commit)</td><td>501</td><td>1,799</td></tr>
 * </table>
 * At the durability H2 offers (a commit survives a crash of the process, not of the machine)
 * SQLite appends about five times as fast with one writer and faster with four, even though it
 * has one writer at a time (H2 locks rows); and SQLite's file format is the most widely deployed
 * one with a long record of surviving crashes, where H2's MVStore has had corruption fixes across
 * its 2.x releases and reads no file of an older major version. A shop without a database server
 * runs one process, where one writer at a time is what it needs. The store keeps SQLite's default
 * {@code synchronous=FULL} with the write-ahead log, so a committed decision survives a power
 * loss (the fire log is an outbox: a lost decision could mean a repeated send).
 *
 * <h2>Thread-safety</h2>
 * Every public class is thread-safe or stateless, as its comment says; share one store per
 * database and prefix.
 */
package dev.retention.jdbc;
