@NullMarked
package org.rehabnet.platform.web.problem;

import org.jspecify.annotations.NullMarked;
