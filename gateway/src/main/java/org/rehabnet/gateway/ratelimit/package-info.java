@NullMarked
package org.rehabnet.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
