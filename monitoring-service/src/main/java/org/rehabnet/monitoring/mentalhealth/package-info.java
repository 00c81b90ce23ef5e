/** Mental health during the stay: PHQ-9 re-screening with its trend, and the self-harm alert on item 9. */
@NullMarked
package org.rehabnet.monitoring.mentalhealth;

import org.jspecify.annotations.NullMarked;
