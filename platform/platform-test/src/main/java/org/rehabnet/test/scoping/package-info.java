/** Site-isolation checks every service runs against its own routes. */
@NullMarked
package org.rehabnet.test.scoping;

import org.jspecify.annotations.NullMarked;
