@NullMarked
package org.rehabnet.aftercare.consent;

import org.jspecify.annotations.NullMarked;
