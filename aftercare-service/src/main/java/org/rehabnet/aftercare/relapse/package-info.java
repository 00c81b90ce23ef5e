@NullMarked
package org.rehabnet.aftercare.relapse;

import org.jspecify.annotations.NullMarked;
