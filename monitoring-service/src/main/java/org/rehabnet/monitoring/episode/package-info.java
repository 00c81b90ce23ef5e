@NullMarked
package org.rehabnet.monitoring.episode;

import org.jspecify.annotations.NullMarked;
