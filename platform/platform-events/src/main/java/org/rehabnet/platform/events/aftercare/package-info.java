/** Events published by aftercare-service. */
@NullMarked
package org.rehabnet.platform.events.aftercare;

import org.jspecify.annotations.NullMarked;
