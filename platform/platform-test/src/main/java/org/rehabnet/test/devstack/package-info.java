/** The local platform's infrastructure for ./rehabnet up: PostgreSQL with one database per service. */
@NullMarked
package org.rehabnet.test.devstack;

import org.jspecify.annotations.NullMarked;
