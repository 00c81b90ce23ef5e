/** What several features' controllers share: versions for optimistic locking (If-Match, ETag). */
@NullMarked
package org.rehabnet.intake.web;

import org.jspecify.annotations.NullMarked;
