@NullMarked
package org.rehabnet.aftercare.care;

import org.jspecify.annotations.NullMarked;
