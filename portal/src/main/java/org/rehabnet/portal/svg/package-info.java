/** Portal feature: svg. */
@NullMarked
package org.rehabnet.portal.svg;

import org.jspecify.annotations.NullMarked;
