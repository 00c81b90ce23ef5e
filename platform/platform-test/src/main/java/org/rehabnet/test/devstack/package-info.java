/**
 * The local platform for ./rehabnet up: its topology (ports, versions, partitions, read from
 * topology.env), PostgreSQL with one database per service, and the dead-letter tool.
 */
@NullMarked
package org.rehabnet.test.devstack;

import org.jspecify.annotations.NullMarked;
