@NullMarked
package org.rehabnet.monitoring.medication;

import org.jspecify.annotations.NullMarked;
