@NullMarked
package org.rehabnet.aftercare.groups;

import org.jspecify.annotations.NullMarked;
