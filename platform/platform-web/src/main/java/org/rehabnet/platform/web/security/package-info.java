@NullMarked
package org.rehabnet.platform.web.security;

import org.jspecify.annotations.NullMarked;
