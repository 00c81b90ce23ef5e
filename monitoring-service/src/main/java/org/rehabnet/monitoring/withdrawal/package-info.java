@NullMarked
package org.rehabnet.monitoring.withdrawal;

import org.jspecify.annotations.NullMarked;
