/**
 * The event contract shared by every RehabNet service: the CloudEvents envelope carried in Kafka
 * headers, the topic names, the payload records, and the one publisher and consumer configuration.
 */
@NullMarked
package org.rehabnet.platform.events;

import org.jspecify.annotations.NullMarked;
