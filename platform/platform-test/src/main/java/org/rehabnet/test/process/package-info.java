/** Launching the platform's own jars and servers as real processes for end-to-end tests. */
@NullMarked
package org.rehabnet.test.process;

import org.jspecify.annotations.NullMarked;
