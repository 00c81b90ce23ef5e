/** How every service reads JSON input. */
@NullMarked
package org.rehabnet.platform.web.json;

import org.jspecify.annotations.NullMarked;
