/** Portal feature: security. */
@NullMarked
package org.rehabnet.portal.security;

import org.jspecify.annotations.NullMarked;
