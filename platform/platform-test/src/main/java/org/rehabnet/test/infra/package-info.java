/**
 * Real PostgreSQL, Kafka and Redis for tests, started once per test JVM and shared by all test
 * classes: embedded (zonky PostgreSQL, a KRaft broker from the Kafka jars, the redis-server binary
 * from embedded-redis) or Testcontainers, by one switch,
 * {@code rehabnet.test.infra=auto|embedded|testcontainers}.
 */
@NullMarked
package org.rehabnet.test.infra;

import org.jspecify.annotations.NullMarked;
