/** Portal feature: aftercare. */
@NullMarked
package org.rehabnet.portal.aftercare;

import org.jspecify.annotations.NullMarked;
