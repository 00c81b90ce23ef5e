/** Events published by intake-service. */
@NullMarked
package org.rehabnet.platform.events.intake;

import org.jspecify.annotations.NullMarked;
