/** Access tokens for tests: from real Keycloak, or from a local issuer with the same claim shape. */
@NullMarked
package org.rehabnet.test.tokens;

import org.jspecify.annotations.NullMarked;
