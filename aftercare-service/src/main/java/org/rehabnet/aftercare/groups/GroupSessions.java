package org.rehabnet.aftercare.groups;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

/** Sessions that were held or opened. */
interface GroupSessions extends ListCrudRepository<GroupSession, UUID> {

  Optional<GroupSession> findByGroupIdAndHeldOn(UUID groupId, LocalDate heldOn);

  List<GroupSession> findByGroupIdAndHeldOnBetween(UUID groupId, LocalDate from, LocalDate to);
}
