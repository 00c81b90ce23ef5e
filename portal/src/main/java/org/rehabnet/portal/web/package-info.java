/** Portal feature: web. */
@NullMarked
package org.rehabnet.portal.web;

import org.jspecify.annotations.NullMarked;
