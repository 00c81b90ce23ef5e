@NullMarked
package org.rehabnet.test.zipkin;

import org.jspecify.annotations.NullMarked;
