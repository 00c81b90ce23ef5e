@NullMarked
package org.rehabnet.monitoring.ward;

import org.jspecify.annotations.NullMarked;
