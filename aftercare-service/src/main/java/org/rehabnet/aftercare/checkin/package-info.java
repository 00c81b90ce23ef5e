@NullMarked
package org.rehabnet.aftercare.checkin;

import org.jspecify.annotations.NullMarked;
