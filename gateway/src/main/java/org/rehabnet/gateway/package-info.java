@NullMarked
package org.rehabnet.gateway;

import org.jspecify.annotations.NullMarked;
