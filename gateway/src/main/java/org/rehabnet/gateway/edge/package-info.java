@NullMarked
package org.rehabnet.gateway.edge;

import org.jspecify.annotations.NullMarked;
