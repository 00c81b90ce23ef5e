/**
 * Retries that never double anything: a create sent again with the same {@code Idempotency-Key}
 * gets the first answer, and its effect happens once.
 */
@NullMarked
package org.rehabnet.platform.web.idempotency;

import org.jspecify.annotations.NullMarked;
