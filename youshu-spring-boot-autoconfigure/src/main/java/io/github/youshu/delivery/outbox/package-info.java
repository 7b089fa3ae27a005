/**
 * The durable JDBC outbox: events are rows in a table of the application's own database, written
 * in the caller's transaction and claimed by relays on any number of instances.
 */
package io.github.youshu.delivery.outbox;
