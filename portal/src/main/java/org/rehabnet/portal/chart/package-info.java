/** Portal feature: chart. */
@NullMarked
package org.rehabnet.portal.chart;

import org.jspecify.annotations.NullMarked;
