package org.rehabnet.monitoring.medication;

import jakarta.validation.constraints.NotNull;

/** Stops an order; the version as read, so two physicians cannot silently overwrite each other. */
record StopOrder(@NotNull Long expectedVersion) {}
