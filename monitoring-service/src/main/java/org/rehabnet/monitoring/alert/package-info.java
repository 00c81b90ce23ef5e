@NullMarked
package org.rehabnet.monitoring.alert;

import org.jspecify.annotations.NullMarked;
