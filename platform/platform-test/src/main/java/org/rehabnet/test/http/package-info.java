/** A small HTTP client for tests that speak to the platform as its users do. */
@NullMarked
package org.rehabnet.test.http;

import org.jspecify.annotations.NullMarked;
