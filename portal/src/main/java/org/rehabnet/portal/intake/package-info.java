/** Portal feature: intake. */
@NullMarked
package org.rehabnet.portal.intake;

import org.jspecify.annotations.NullMarked;
