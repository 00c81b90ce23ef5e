package org.rehabnet.aftercare.groups;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Group notes, apart from counselling notes. */
interface GroupNotes extends ListCrudRepository<GroupNote, UUID> {

  List<GroupNote> findBySessionIdOrderByWrittenAt(UUID sessionId);
}
