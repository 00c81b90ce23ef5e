/**
 * Where each route's requests go: the instances named in {@code REHABNET_ROUTES_<SERVICE>}, balanced
 * round robin, health-checked when there are several.
 */
@NullMarked
package org.rehabnet.gateway.routing;

import org.jspecify.annotations.NullMarked;
