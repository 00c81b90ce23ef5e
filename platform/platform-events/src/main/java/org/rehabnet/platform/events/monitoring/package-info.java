/** Events published by monitoring-service. */
@NullMarked
package org.rehabnet.platform.events.monitoring;

import org.jspecify.annotations.NullMarked;
