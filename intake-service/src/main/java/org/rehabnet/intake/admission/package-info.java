@NullMarked
package org.rehabnet.intake.admission;

import org.jspecify.annotations.NullMarked;
