/** Portal feature: ward. */
@NullMarked
package org.rehabnet.portal.ward;

import org.jspecify.annotations.NullMarked;
