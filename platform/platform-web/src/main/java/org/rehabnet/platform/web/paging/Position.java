package org.rehabnet.platform.web.paging;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a page ended: the (time, id) of its last row. The next page starts strictly after it in the
 * list's order, so rows charted meanwhile neither repeat nor shift a row out (keyset, not offset).
 */
public record Position(Instant at, UUID id) {}
