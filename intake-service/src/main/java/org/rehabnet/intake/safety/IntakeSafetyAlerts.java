package org.rehabnet.intake.safety;

import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Every intake safety alert of the network; each belongs to one site. */
interface IntakeSafetyAlerts extends ListCrudRepository<IntakeSafetyAlert, UUID> {}
