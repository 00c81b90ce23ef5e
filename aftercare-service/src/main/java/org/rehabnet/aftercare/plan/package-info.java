@NullMarked
package org.rehabnet.aftercare.plan;

import org.jspecify.annotations.NullMarked;
