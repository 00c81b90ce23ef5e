/** Portal feature: gateway. */
@NullMarked
package org.rehabnet.portal.gateway;

import org.jspecify.annotations.NullMarked;
