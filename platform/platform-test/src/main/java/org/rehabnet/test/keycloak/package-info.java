/** Real Keycloak for end-to-end tests, from the keycloak-quarkus-dist zip on Maven Central. */
@NullMarked
package org.rehabnet.test.keycloak;

import org.jspecify.annotations.NullMarked;
