@NullMarked
package org.rehabnet.monitoring.reassessment;

import org.jspecify.annotations.NullMarked;
