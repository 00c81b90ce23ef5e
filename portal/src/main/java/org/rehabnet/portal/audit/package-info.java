/** Portal feature: audit. */
@NullMarked
package org.rehabnet.portal.audit;

import org.jspecify.annotations.NullMarked;
