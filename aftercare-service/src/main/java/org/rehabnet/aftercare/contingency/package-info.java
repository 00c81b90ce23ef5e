@NullMarked
package org.rehabnet.aftercare.contingency;

import org.jspecify.annotations.NullMarked;
