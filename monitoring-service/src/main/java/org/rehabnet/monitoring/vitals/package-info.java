@NullMarked
package org.rehabnet.monitoring.vitals;

import org.jspecify.annotations.NullMarked;
