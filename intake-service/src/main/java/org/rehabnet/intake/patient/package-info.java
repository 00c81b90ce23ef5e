@NullMarked
package org.rehabnet.intake.patient;

import org.jspecify.annotations.NullMarked;
