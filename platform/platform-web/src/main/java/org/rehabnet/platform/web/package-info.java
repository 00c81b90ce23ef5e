/** What every RehabNet web application shares at its edge. */
@NullMarked
package org.rehabnet.platform.web;

import org.jspecify.annotations.NullMarked;
