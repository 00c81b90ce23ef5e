@NullMarked
package org.rehabnet.intake.site;

import org.jspecify.annotations.NullMarked;
