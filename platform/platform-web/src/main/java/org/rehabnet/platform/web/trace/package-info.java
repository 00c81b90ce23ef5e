@NullMarked
package org.rehabnet.platform.web.trace;

import org.jspecify.annotations.NullMarked;
