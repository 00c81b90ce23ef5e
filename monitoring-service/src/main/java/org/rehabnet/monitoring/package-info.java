@NullMarked
package org.rehabnet.monitoring;

import org.jspecify.annotations.NullMarked;
