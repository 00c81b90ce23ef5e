/**
 * Bounded reads, one way for every service: a list that grows with time is read in a time window
 * ({@code from}, {@code to}) with a default per list, a page size ({@code limit}) and an opaque keyset
 * {@code cursor}; the answer stays a JSON array and carries {@code X-Total-Count} and an RFC 8288
 * {@code Link: <?...>; rel="next"} (docs/api.md, "Paging").
 */
@NullMarked
package org.rehabnet.platform.web.paging;

import org.jspecify.annotations.NullMarked;
