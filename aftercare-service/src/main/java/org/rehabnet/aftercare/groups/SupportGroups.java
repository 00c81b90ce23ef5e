package org.rehabnet.aftercare.groups;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** The network's support groups. */
interface SupportGroups extends ListCrudRepository<SupportGroup, UUID> {

  List<SupportGroup> findBySite(String site);
}
