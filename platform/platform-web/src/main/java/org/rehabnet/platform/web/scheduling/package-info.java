/**
 * Scheduled jobs that run once per tick across every instance of a service: ShedLock's row in the
 * service's own {@code shedlock} table, with times from the database clock.
 */
@NullMarked
package org.rehabnet.platform.web.scheduling;

import org.jspecify.annotations.NullMarked;
