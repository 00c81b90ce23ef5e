/**
 * Per-field plausibility of dates and instants, checked by bean validation before anything is
 * stored, against the platform's one {@link java.time.Clock} (so tests that move time move these too).
 */
@NullMarked
package org.rehabnet.platform.web.validation;

import org.jspecify.annotations.NullMarked;
