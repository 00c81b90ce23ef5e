@NullMarked
package org.rehabnet.aftercare;

import org.jspecify.annotations.NullMarked;
