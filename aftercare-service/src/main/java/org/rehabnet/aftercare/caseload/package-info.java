@NullMarked
package org.rehabnet.aftercare.caseload;

import org.jspecify.annotations.NullMarked;
