@NullMarked
package org.rehabnet.intake;

import org.jspecify.annotations.NullMarked;
