/**
 * Load shedding, one way for every servlet service: more requests than the service can work on at
 * once wait briefly for a turn, and beyond a bounded queue are answered 503 with Retry-After at
 * once, so an overload costs the callers a retry instead of costing the service its heap.
 */
@NullMarked
package org.rehabnet.platform.web.overload;

import org.jspecify.annotations.NullMarked;
