/**
 * The audit trail every service keeps: who touched which patient's data, how, with what outcome.
 * Append-only, enforced in the database.
 */
@NullMarked
package org.rehabnet.platform.web.audit;

import org.jspecify.annotations.NullMarked;
