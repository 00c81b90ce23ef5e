/** Time that tests control, so timers and expiries are tested by moving a clock, not by waiting. */
@NullMarked
package org.rehabnet.test.time;

import org.jspecify.annotations.NullMarked;
