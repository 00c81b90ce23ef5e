/**
 * The safety vocabulary of the event contract. Producer and consumer use these same enums, and each
 * event schema lists their values as a JSON Schema {@code enum}, so renaming a code in one service
 * is a compile error in the others and a failing contract test, never a silently switched-off rule.
 */
@NullMarked
package org.rehabnet.platform.events.clinical;

import org.jspecify.annotations.NullMarked;
